/**
 * Validators of the protocol's params, compiled ahead of time from schema/protocol.schema.json.
 * DO NOT EDIT: change the schema and run `npm run schema:gen`.
 */
// @ts-nocheck
import { codePointLength } from "../code-points.ts";
export const AdmissionSummary = validate11;
const schema12 = {"title":"AdmissionSummary","description":"@since 1.3. The admission queue: requests for a runner the pool could not give at once.","type":"object","additionalProperties":false,"required":["waiting","oldest_wait_ms","admitted","timed_out","refused","dropped"],"properties":{"waiting":{"description":"Requests waiting now.","type":"integer","minimum":0},"oldest_wait_ms":{"description":"How long the oldest of them has waited, in milliseconds.","type":"number","minimum":0},"admitted":{"description":"Requests served after a wait, since the daemon started.","type":"integer","minimum":0},"timed_out":{"description":"Requests refused at the deadline (`--admission-timeout`).","type":"integer","minimum":0},"refused":{"description":"Requests refused at once because the queue was full (`--admission-queue`).","type":"integer","minimum":0},"dropped":{"description":"Requests dropped because their client left or the daemon stopped.","type":"integer","minimum":0}}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.waiting === undefined) && (missing0 = "waiting")) || ((data.oldest_wait_ms === undefined) && (missing0 = "oldest_wait_ms"))) || ((data.admitted === undefined) && (missing0 = "admitted"))) || ((data.timed_out === undefined) && (missing0 = "timed_out"))) || ((data.refused === undefined) && (missing0 = "refused"))) || ((data.dropped === undefined) && (missing0 = "dropped"))){
validate11.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "waiting") || (key0 === "oldest_wait_ms")) || (key0 === "admitted")) || (key0 === "timed_out")) || (key0 === "refused")) || (key0 === "dropped"))){
validate11.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.waiting !== undefined){
let data0 = data.waiting;
const _errs2 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate11.errors = [{instancePath:instancePath+"/waiting",schemaPath:"#/properties/waiting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if(typeof data0 == "number"){
if(data0 < 0 || isNaN(data0)){
validate11.errors = [{instancePath:instancePath+"/waiting",schemaPath:"#/properties/waiting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.oldest_wait_ms !== undefined){
let data1 = data.oldest_wait_ms;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate11.errors = [{instancePath:instancePath+"/oldest_wait_ms",schemaPath:"#/properties/oldest_wait_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/oldest_wait_ms",schemaPath:"#/properties/oldest_wait_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.admitted !== undefined){
let data2 = data.admitted;
const _errs6 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate11.errors = [{instancePath:instancePath+"/admitted",schemaPath:"#/properties/admitted/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate11.errors = [{instancePath:instancePath+"/admitted",schemaPath:"#/properties/admitted/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timed_out !== undefined){
let data3 = data.timed_out;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate11.errors = [{instancePath:instancePath+"/timed_out",schemaPath:"#/properties/timed_out/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate11.errors = [{instancePath:instancePath+"/timed_out",schemaPath:"#/properties/timed_out/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.refused !== undefined){
let data4 = data.refused;
const _errs10 = errors;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
validate11.errors = [{instancePath:instancePath+"/refused",schemaPath:"#/properties/refused/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
validate11.errors = [{instancePath:instancePath+"/refused",schemaPath:"#/properties/refused/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.dropped !== undefined){
let data5 = data.dropped;
const _errs12 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate11.errors = [{instancePath:instancePath+"/dropped",schemaPath:"#/properties/dropped/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs12){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate11.errors = [{instancePath:instancePath+"/dropped",schemaPath:"#/properties/dropped/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate11.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate11.errors = vErrors;
return errors === 0;
}

export const Capabilities = validate12;
const schema13 = {"title":"Capabilities","description":"Optional features of a daemon.","type":"object","additionalProperties":false,"required":["streaming_output","cancellation","fresh_interpreter","check_complete"],"properties":{"streaming_output":{"description":"True when output streams as `python/output` notifications while a run is going.","type":"boolean"},"cancellation":{"description":"True when `$/cancelRequest` interrupts a running `python/run`.","type":"boolean"},"fresh_interpreter":{"description":"True when `session/create` can give a session a brand-new interpreter of its own.","type":"boolean"},"check_complete":{"description":"True when `python/check` tells whether a snippet is a complete statement.","type":"boolean"},"tenants":{"description":"@since 1.1. True when connections can name a tenant, and runners never serve two tenants.","type":"boolean"},"display_outputs":{"description":"@since 1.1. True when runs return display outputs (`RunResult.outputs`) and stream them as `python/display` notifications.","type":"boolean"},"files":{"description":"@since 1.1. True when `files/write`, `files/read`, `files/list` and `files/delete` reach a session's working directory.","type":"boolean"},"completion":{"description":"@since 1.1. True when `python/complete` and `python/inspect` answer.","type":"boolean"},"stdin":{"description":"@since 1.1. True when a run's `stdin` and `allow_stdin` answer input(), and the daemon may send `python/input` requests.","type":"boolean"},"display_updates":{"description":"@since 1.2. True when runs may make `update_display_data` and `clear_output` outputs (update_display(), clear_output(), display(display_id=...)) and outputs carry `display_id` and `wait`.","type":"boolean"},"operator":{"description":"@since 1.3. True when this connection may call `daemon/tenants` (the operator view) and `daemon/metrics`: it embeds the daemon (the REPL, `woma serve`, `woma mcp`), is the `--stdio` client that started it, or came through `--operator-socket`.","type":"boolean"}}};
const func2 = Object.prototype.hasOwnProperty;

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.streaming_output === undefined) && (missing0 = "streaming_output")) || ((data.cancellation === undefined) && (missing0 = "cancellation"))) || ((data.fresh_interpreter === undefined) && (missing0 = "fresh_interpreter"))) || ((data.check_complete === undefined) && (missing0 = "check_complete"))){
validate12.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema13.properties, key0))){
validate12.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.streaming_output !== undefined){
const _errs2 = errors;
if(typeof data.streaming_output !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/streaming_output",schemaPath:"#/properties/streaming_output/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cancellation !== undefined){
const _errs4 = errors;
if(typeof data.cancellation !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/cancellation",schemaPath:"#/properties/cancellation/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.fresh_interpreter !== undefined){
const _errs6 = errors;
if(typeof data.fresh_interpreter !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/fresh_interpreter",schemaPath:"#/properties/fresh_interpreter/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.check_complete !== undefined){
const _errs8 = errors;
if(typeof data.check_complete !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/check_complete",schemaPath:"#/properties/check_complete/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tenants !== undefined){
const _errs10 = errors;
if(typeof data.tenants !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/tenants",schemaPath:"#/properties/tenants/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.display_outputs !== undefined){
const _errs12 = errors;
if(typeof data.display_outputs !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/display_outputs",schemaPath:"#/properties/display_outputs/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.files !== undefined){
const _errs14 = errors;
if(typeof data.files !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/files",schemaPath:"#/properties/files/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.completion !== undefined){
const _errs16 = errors;
if(typeof data.completion !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/completion",schemaPath:"#/properties/completion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stdin !== undefined){
const _errs18 = errors;
if(typeof data.stdin !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/stdin",schemaPath:"#/properties/stdin/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.display_updates !== undefined){
const _errs20 = errors;
if(typeof data.display_updates !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/display_updates",schemaPath:"#/properties/display_updates/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.operator !== undefined){
const _errs22 = errors;
if(typeof data.operator !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/operator",schemaPath:"#/properties/operator/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate12.errors = vErrors;
return errors === 0;
}

export const CheckResult = validate13;
const schema14 = {"title":"CheckResult","description":"Result of `python/check`.","type":"object","additionalProperties":false,"required":["status"],"properties":{"status":{"$ref":"#/definitions/CheckStatus"}}};
const schema15 = {"title":"CheckStatus","description":"Whether a snippet is complete, by the rule of Python's REPL. `complete`: run it. `incomplete`: more lines are needed (Python's REPL would print '... '). `invalid`: it is a syntax error already; run it to see the error.","type":"string","enum":["complete","incomplete","invalid"]};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate13.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate13.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate13.errors = [{instancePath:instancePath+"/status",schemaPath:"#/definitions/CheckStatus/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "complete") || (data0 === "incomplete")) || (data0 === "invalid"))){
validate13.errors = [{instancePath:instancePath+"/status",schemaPath:"#/definitions/CheckStatus/enum",keyword:"enum",params:{allowedValues: schema15.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate13.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate13.errors = vErrors;
return errors === 0;
}

export const CheckStatus = validate14;

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate14.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "complete") || (data === "incomplete")) || (data === "invalid"))){
validate14.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema15.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate14.errors = vErrors;
return errors === 0;
}

export const CompleteResult = validate15;
const schema17 = {"title":"CompleteResult","description":"@since 1.1. Result of `python/complete`: each match replaces `code[cursor_start:cursor_end]`.","type":"object","additionalProperties":false,"required":["matches","cursor_start","cursor_end"],"properties":{"matches":{"description":"Completions, sorted, at most 500.","type":"array","items":{"type":"string"}},"cursor_start":{"description":"Start of the text the matches replace, in code points.","type":"integer","minimum":0},"cursor_end":{"description":"End of the text the matches replace, in code points.","type":"integer","minimum":0}}};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.matches === undefined) && (missing0 = "matches")) || ((data.cursor_start === undefined) && (missing0 = "cursor_start"))) || ((data.cursor_end === undefined) && (missing0 = "cursor_end"))){
validate15.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "matches") || (key0 === "cursor_start")) || (key0 === "cursor_end"))){
validate15.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.matches !== undefined){
let data0 = data.matches;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs4 = errors;
if(typeof data0[i0] !== "string"){
validate15.errors = [{instancePath:instancePath+"/matches/" + i0,schemaPath:"#/properties/matches/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/matches",schemaPath:"#/properties/matches/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cursor_start !== undefined){
let data2 = data.cursor_start;
const _errs6 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate15.errors = [{instancePath:instancePath+"/cursor_start",schemaPath:"#/properties/cursor_start/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate15.errors = [{instancePath:instancePath+"/cursor_start",schemaPath:"#/properties/cursor_start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cursor_end !== undefined){
let data3 = data.cursor_end;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate15.errors = [{instancePath:instancePath+"/cursor_end",schemaPath:"#/properties/cursor_end/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate15.errors = [{instancePath:instancePath+"/cursor_end",schemaPath:"#/properties/cursor_end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate15.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate15.errors = vErrors;
return errors === 0;
}

export const DisplayNotification = validate16;
const schema18 = {"title":"DisplayNotification","description":"@since 1.1. `python/display`: a display output of a run while it is going, in order with its `python/output` notifications. Every output also arrives in the result.","type":"object","additionalProperties":false,"required":["run_id","output"],"properties":{"run_id":{"$ref":"#/definitions/RunId"},"session_id":{"description":"The session of the run, or null for a run in fresh globals.","anyOf":[{"$ref":"#/definitions/SessionId"},{"type":"null"}]},"output":{"$ref":"#/definitions/DisplayOutput"}}};
const schema19 = {"title":"RunId","description":"A run's identifier, chosen by the client or else by the daemon (`run-N`, numbering the tenant's own runs): 1 to 128 characters of letters, digits, '.', '_', ':' or '-'.","type":"string","pattern":"^[A-Za-z0-9._:-]{1,128}$"};
const schema20 = {"title":"SessionId","description":"A session's name: 1 to 128 characters of letters, digits, '.', '_', ':' or '-'.","type":"string","pattern":"^[A-Za-z0-9._:-]{1,128}$"};
const pattern0 = new RegExp("^[A-Za-z0-9._:-]{1,128}$", "u");
const schema21 = {"title":"DisplayOutput","description":"@since 1.1. One display output of a run.","type":"object","additionalProperties":false,"required":["output_type","data","stdout_offset","stderr_offset"],"properties":{"output_type":{"$ref":"#/definitions/DisplayOutputType"},"data":{"$ref":"#/definitions/MimeBundle"},"metadata":{"description":"Facts about representations, by MIME type, as `_repr_*_` methods give them (e.g. `{\"image/png\": {\"width\": 640, \"height\": 480}}`). Absent when there are none.","type":"object","additionalProperties":{"type":"object","additionalProperties":true}},"display_id":{"description":"@since 1.2. The output's name, from display(obj, display_id=...) or a DisplayHandle: a later `update_display_data` with the same id replaces every output of that name. Always present on an `update_display_data`; absent when the output was not named.","type":"string","minLength":1,"maxLength":256},"wait":{"description":"@since 1.2. On a `clear_output` only (always present there): true to clear when the next output arrives rather than at once (clear_output(wait=True), for animations without flicker).","type":"boolean"},"stdout_offset":{"description":"How much of the run's stdout came before this output, in characters (Unicode code points): showing `stdout[:stdout_offset]`, then this output, then the rest interleaves them as they were made.","type":"integer","minimum":0},"stderr_offset":{"description":"The same for stderr.","type":"integer","minimum":0},"truncated":{"$ref":"#/definitions/DisplayTruncation"}}};
const schema22 = {"title":"DisplayOutputType","description":"Where a display output came from, in Jupyter's words: `display_data` (display(), a matplotlib figure), `execute_result` (the rich value of the run's last expression), `update_display_data` (@since 1.2: update_display(), replacing the outputs named with its `display_id`; a client that cannot replace shows it as a new output) or `clear_output` (@since 1.2: clear_output(), clearing the outputs shown so far for the run; its `data` is an empty `text/plain`, so a client that does not know the kind shows nothing). May grow.","type":"string","enum":["display_data","execute_result","update_display_data","clear_output"]};
const schema23 = {"title":"MimeBundle","description":"One output in several representations, keyed by MIME type, as Jupyter's display data: `text/plain` is always there; others a run may give are `image/png`, `image/jpeg`, `image/svg+xml`, `text/html`, `text/markdown`, `text/latex` and `application/json` (the set may grow: `_repr_mimebundle_` can name any type). Values are strings: text for `text/*`, `image/svg+xml` and JSON types (`application/json` and `*+json` hold JSON text), base64 for every other type (images).","type":"object","required":["text/plain"],"propertyNames":{"pattern":"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},"additionalProperties":{"type":"string"}};
const schema24 = {"title":"DisplayTruncation","description":"What was cut from one display output to keep it within `max_display_bytes`.","type":"object","additionalProperties":false,"required":["bytes"],"properties":{"bytes":{"description":"Bytes of representations dropped or cut.","type":"integer","minimum":1},"mime_types":{"description":"The representations dropped whole (largest first); `text/plain` is cut, never dropped.","type":"array","items":{"type":"string"}}}};
const pattern2 = new RegExp("^[a-z]+/[A-Za-z0-9.+_-]{1,100}$", "u");
const func3 = codePointLength;

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.output_type === undefined) && (missing0 = "output_type")) || ((data.data === undefined) && (missing0 = "data"))) || ((data.stdout_offset === undefined) && (missing0 = "stdout_offset"))) || ((data.stderr_offset === undefined) && (missing0 = "stderr_offset"))){
validate17.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "output_type") || (key0 === "data")) || (key0 === "metadata")) || (key0 === "display_id")) || (key0 === "wait")) || (key0 === "stdout_offset")) || (key0 === "stderr_offset")) || (key0 === "truncated"))){
validate17.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.output_type !== undefined){
let data0 = data.output_type;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate17.errors = [{instancePath:instancePath+"/output_type",schemaPath:"#/definitions/DisplayOutputType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data0 === "display_data") || (data0 === "execute_result")) || (data0 === "update_display_data")) || (data0 === "clear_output"))){
validate17.errors = [{instancePath:instancePath+"/output_type",schemaPath:"#/definitions/DisplayOutputType/enum",keyword:"enum",params:{allowedValues: schema22.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.data !== undefined){
let data1 = data.data;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing1;
if((data1["text/plain"] === undefined) && (missing1 = "text/plain")){
validate17.errors = [{instancePath:instancePath+"/data",schemaPath:"#/definitions/MimeBundle/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
for(const key1 in data1){
const _errs8 = errors;
if(typeof key1 === "string"){
if(!pattern2.test(key1)){
const err0 = {instancePath:instancePath+"/data",schemaPath:"#/definitions/MimeBundle/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},message:"must match pattern \""+"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"+"\"",propertyName:key1};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var valid3 = _errs8 === errors;
if(!valid3){
const err1 = {instancePath:instancePath+"/data",schemaPath:"#/definitions/MimeBundle/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate17.errors = vErrors;
return false;
break;
}
}
if(valid3){
for(const key2 in data1){
const _errs10 = errors;
if(typeof data1[key2] !== "string"){
validate17.errors = [{instancePath:instancePath+"/data/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/MimeBundle/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs10 === errors;
if(!valid4){
break;
}
}
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/data",schemaPath:"#/definitions/MimeBundle/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadata !== undefined){
let data3 = data.metadata;
const _errs12 = errors;
if(errors === _errs12){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key3 in data3){
let data4 = data3[key3];
const _errs15 = errors;
if(errors === _errs15){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
validate17.errors = [{instancePath:instancePath+"/metadata/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid5 = _errs15 === errors;
if(!valid5){
break;
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.display_id !== undefined){
let data5 = data.display_id;
const _errs18 = errors;
if(errors === _errs18){
if(typeof data5 === "string"){
if(func3(data5) > 256){
validate17.errors = [{instancePath:instancePath+"/display_id",schemaPath:"#/properties/display_id/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
else {
if(func3(data5) < 1){
validate17.errors = [{instancePath:instancePath+"/display_id",schemaPath:"#/properties/display_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/display_id",schemaPath:"#/properties/display_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.wait !== undefined){
const _errs20 = errors;
if(typeof data.wait !== "boolean"){
validate17.errors = [{instancePath:instancePath+"/wait",schemaPath:"#/properties/wait/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stdout_offset !== undefined){
let data7 = data.stdout_offset;
const _errs22 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate17.errors = [{instancePath:instancePath+"/stdout_offset",schemaPath:"#/properties/stdout_offset/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs22){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate17.errors = [{instancePath:instancePath+"/stdout_offset",schemaPath:"#/properties/stdout_offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stderr_offset !== undefined){
let data8 = data.stderr_offset;
const _errs24 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate17.errors = [{instancePath:instancePath+"/stderr_offset",schemaPath:"#/properties/stderr_offset/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs24){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate17.errors = [{instancePath:instancePath+"/stderr_offset",schemaPath:"#/properties/stderr_offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
let data9 = data.truncated;
const _errs26 = errors;
const _errs27 = errors;
if(errors === _errs27){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing2;
if((data9.bytes === undefined) && (missing2 = "bytes")){
validate17.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/definitions/DisplayTruncation/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs29 = errors;
for(const key4 in data9){
if(!((key4 === "bytes") || (key4 === "mime_types"))){
validate17.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/definitions/DisplayTruncation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs29 === errors){
if(data9.bytes !== undefined){
let data10 = data9.bytes;
const _errs30 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate17.errors = [{instancePath:instancePath+"/truncated/bytes",schemaPath:"#/definitions/DisplayTruncation/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs30){
if(typeof data10 == "number"){
if(data10 < 1 || isNaN(data10)){
validate17.errors = [{instancePath:instancePath+"/truncated/bytes",schemaPath:"#/definitions/DisplayTruncation/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid7 = _errs30 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data9.mime_types !== undefined){
let data11 = data9.mime_types;
const _errs32 = errors;
if(errors === _errs32){
if(Array.isArray(data11)){
var valid8 = true;
const len0 = data11.length;
for(let i0=0; i0<len0; i0++){
const _errs34 = errors;
if(typeof data11[i0] !== "string"){
validate17.errors = [{instancePath:instancePath+"/truncated/mime_types/" + i0,schemaPath:"#/definitions/DisplayTruncation/properties/mime_types/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid8 = _errs34 === errors;
if(!valid8){
break;
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/truncated/mime_types",schemaPath:"#/definitions/DisplayTruncation/properties/mime_types/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid7 = _errs32 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/definitions/DisplayTruncation/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate17.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate17.errors = vErrors;
return errors === 0;
}


function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.run_id === undefined) && (missing0 = "run_id")) || ((data.output === undefined) && (missing0 = "output"))){
validate16.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "run_id") || (key0 === "session_id")) || (key0 === "output"))){
validate16.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.run_id !== undefined){
let data0 = data.run_id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate16.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate16.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.session_id !== undefined){
let data1 = data.session_id;
const _errs5 = errors;
const _errs6 = errors;
let valid2 = false;
const _errs7 = errors;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err0 = {instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs10 = errors;
if(data1 !== null){
const err2 = {instancePath:instancePath+"/session_id",schemaPath:"#/properties/session_id/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err3 = {instancePath:instancePath+"/session_id",schemaPath:"#/properties/session_id/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate16.errors = vErrors;
return false;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.output !== undefined){
const _errs12 = errors;
if(!(validate17(data.output, {instancePath:instancePath+"/output",parentData:data,parentDataProperty:"output",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate16.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate16.errors = vErrors;
return errors === 0;
}

export const DisplayOutput = validate19;

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.output_type === undefined) && (missing0 = "output_type")) || ((data.data === undefined) && (missing0 = "data"))) || ((data.stdout_offset === undefined) && (missing0 = "stdout_offset"))) || ((data.stderr_offset === undefined) && (missing0 = "stderr_offset"))){
validate19.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "output_type") || (key0 === "data")) || (key0 === "metadata")) || (key0 === "display_id")) || (key0 === "wait")) || (key0 === "stdout_offset")) || (key0 === "stderr_offset")) || (key0 === "truncated"))){
validate19.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.output_type !== undefined){
let data0 = data.output_type;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate19.errors = [{instancePath:instancePath+"/output_type",schemaPath:"#/definitions/DisplayOutputType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data0 === "display_data") || (data0 === "execute_result")) || (data0 === "update_display_data")) || (data0 === "clear_output"))){
validate19.errors = [{instancePath:instancePath+"/output_type",schemaPath:"#/definitions/DisplayOutputType/enum",keyword:"enum",params:{allowedValues: schema22.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.data !== undefined){
let data1 = data.data;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing1;
if((data1["text/plain"] === undefined) && (missing1 = "text/plain")){
validate19.errors = [{instancePath:instancePath+"/data",schemaPath:"#/definitions/MimeBundle/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
for(const key1 in data1){
const _errs8 = errors;
if(typeof key1 === "string"){
if(!pattern2.test(key1)){
const err0 = {instancePath:instancePath+"/data",schemaPath:"#/definitions/MimeBundle/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},message:"must match pattern \""+"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"+"\"",propertyName:key1};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var valid3 = _errs8 === errors;
if(!valid3){
const err1 = {instancePath:instancePath+"/data",schemaPath:"#/definitions/MimeBundle/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate19.errors = vErrors;
return false;
break;
}
}
if(valid3){
for(const key2 in data1){
const _errs10 = errors;
if(typeof data1[key2] !== "string"){
validate19.errors = [{instancePath:instancePath+"/data/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/MimeBundle/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs10 === errors;
if(!valid4){
break;
}
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/data",schemaPath:"#/definitions/MimeBundle/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadata !== undefined){
let data3 = data.metadata;
const _errs12 = errors;
if(errors === _errs12){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key3 in data3){
let data4 = data3[key3];
const _errs15 = errors;
if(errors === _errs15){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
}
else {
validate19.errors = [{instancePath:instancePath+"/metadata/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid5 = _errs15 === errors;
if(!valid5){
break;
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.display_id !== undefined){
let data5 = data.display_id;
const _errs18 = errors;
if(errors === _errs18){
if(typeof data5 === "string"){
if(func3(data5) > 256){
validate19.errors = [{instancePath:instancePath+"/display_id",schemaPath:"#/properties/display_id/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
else {
if(func3(data5) < 1){
validate19.errors = [{instancePath:instancePath+"/display_id",schemaPath:"#/properties/display_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/display_id",schemaPath:"#/properties/display_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.wait !== undefined){
const _errs20 = errors;
if(typeof data.wait !== "boolean"){
validate19.errors = [{instancePath:instancePath+"/wait",schemaPath:"#/properties/wait/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stdout_offset !== undefined){
let data7 = data.stdout_offset;
const _errs22 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate19.errors = [{instancePath:instancePath+"/stdout_offset",schemaPath:"#/properties/stdout_offset/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs22){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate19.errors = [{instancePath:instancePath+"/stdout_offset",schemaPath:"#/properties/stdout_offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stderr_offset !== undefined){
let data8 = data.stderr_offset;
const _errs24 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate19.errors = [{instancePath:instancePath+"/stderr_offset",schemaPath:"#/properties/stderr_offset/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs24){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate19.errors = [{instancePath:instancePath+"/stderr_offset",schemaPath:"#/properties/stderr_offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
let data9 = data.truncated;
const _errs26 = errors;
const _errs27 = errors;
if(errors === _errs27){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing2;
if((data9.bytes === undefined) && (missing2 = "bytes")){
validate19.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/definitions/DisplayTruncation/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs29 = errors;
for(const key4 in data9){
if(!((key4 === "bytes") || (key4 === "mime_types"))){
validate19.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/definitions/DisplayTruncation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs29 === errors){
if(data9.bytes !== undefined){
let data10 = data9.bytes;
const _errs30 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate19.errors = [{instancePath:instancePath+"/truncated/bytes",schemaPath:"#/definitions/DisplayTruncation/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs30){
if(typeof data10 == "number"){
if(data10 < 1 || isNaN(data10)){
validate19.errors = [{instancePath:instancePath+"/truncated/bytes",schemaPath:"#/definitions/DisplayTruncation/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid7 = _errs30 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data9.mime_types !== undefined){
let data11 = data9.mime_types;
const _errs32 = errors;
if(errors === _errs32){
if(Array.isArray(data11)){
var valid8 = true;
const len0 = data11.length;
for(let i0=0; i0<len0; i0++){
const _errs34 = errors;
if(typeof data11[i0] !== "string"){
validate19.errors = [{instancePath:instancePath+"/truncated/mime_types/" + i0,schemaPath:"#/definitions/DisplayTruncation/properties/mime_types/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid8 = _errs34 === errors;
if(!valid8){
break;
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/truncated/mime_types",schemaPath:"#/definitions/DisplayTruncation/properties/mime_types/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid7 = _errs32 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/definitions/DisplayTruncation/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate19.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate19.errors = vErrors;
return errors === 0;
}

export const DisplayOutputType = validate20;

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate20.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data === "display_data") || (data === "execute_result")) || (data === "update_display_data")) || (data === "clear_output"))){
validate20.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema22.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate20.errors = vErrors;
return errors === 0;
}

export const DisplayTruncation = validate21;

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.bytes === undefined) && (missing0 = "bytes")){
validate21.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "bytes") || (key0 === "mime_types"))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.bytes !== undefined){
let data0 = data.bytes;
const _errs2 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate21.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if(typeof data0 == "number"){
if(data0 < 1 || isNaN(data0)){
validate21.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.mime_types !== undefined){
let data1 = data.mime_types;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs6 = errors;
if(typeof data1[i0] !== "string"){
validate21.errors = [{instancePath:instancePath+"/mime_types/" + i0,schemaPath:"#/properties/mime_types/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs6 === errors;
if(!valid1){
break;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/mime_types",schemaPath:"#/properties/mime_types/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}

export const FileEncoding = validate22;
const schema31 = {"title":"FileEncoding","description":"How a file's bytes travel: `utf-8` as text, `base64` for any bytes.","type":"string","enum":["utf-8","base64"]};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "utf-8") || (data === "base64"))){
validate22.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema31.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate22.errors = vErrors;
return errors === 0;
}

export const FileEntry = validate23;
const schema32 = {"title":"FileEntry","description":"One entry of `files/list`.","type":"object","additionalProperties":false,"required":["path","type","size","modified"],"properties":{"path":{"description":"Its path relative to the directory listed.","type":"string"},"type":{"$ref":"#/definitions/FileType"},"size":{"description":"Size in bytes (0 for directories).","type":"integer","minimum":0},"modified":{"description":"ISO 8601 time of its last change.","type":"string"}}};
const schema33 = {"title":"FileType","description":"What a directory entry is. May grow.","type":"string","enum":["file","directory","symlink","other"]};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.path === undefined) && (missing0 = "path")) || ((data.type === undefined) && (missing0 = "type"))) || ((data.size === undefined) && (missing0 = "size"))) || ((data.modified === undefined) && (missing0 = "modified"))){
validate23.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "path") || (key0 === "type")) || (key0 === "size")) || (key0 === "modified"))){
validate23.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.path !== undefined){
const _errs2 = errors;
if(typeof data.path !== "string"){
validate23.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.type !== undefined){
let data1 = data.type;
const _errs4 = errors;
if(typeof data1 !== "string"){
validate23.errors = [{instancePath:instancePath+"/type",schemaPath:"#/definitions/FileType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data1 === "file") || (data1 === "directory")) || (data1 === "symlink")) || (data1 === "other"))){
validate23.errors = [{instancePath:instancePath+"/type",schemaPath:"#/definitions/FileType/enum",keyword:"enum",params:{allowedValues: schema33.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.size !== undefined){
let data2 = data.size;
const _errs7 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate23.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate23.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.modified !== undefined){
const _errs9 = errors;
if(typeof data.modified !== "string"){
validate23.errors = [{instancePath:instancePath+"/modified",schemaPath:"#/properties/modified/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate23.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate23.errors = vErrors;
return errors === 0;
}

export const FilePath = validate24;
const schema34 = {"title":"FilePath","description":"A path in a session's working directory: relative to it, or absolute within it. `..` that leaves it, absolute paths elsewhere and symbolic links on the way are refused.","type":"string","minLength":1,"maxLength":4096,"pattern":"^[^\\u0000]*$"};
const pattern4 = new RegExp("^[^\\u0000]*$", "u");

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(typeof data === "string"){
if(func3(data) > 4096){
validate24.errors = [{instancePath,schemaPath:"#/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"}];
return false;
}
else {
if(func3(data) < 1){
validate24.errors = [{instancePath,schemaPath:"#/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(!pattern4.test(data)){
validate24.errors = [{instancePath,schemaPath:"#/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]*$"},message:"must match pattern \""+"^[^\\u0000]*$"+"\""}];
return false;
}
}
}
}
else {
validate24.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate24.errors = vErrors;
return errors === 0;
}

export const FileType = validate25;

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate25.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data === "file") || (data === "directory")) || (data === "symlink")) || (data === "other"))){
validate25.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema33.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate25.errors = vErrors;
return errors === 0;
}

export const FilesDeleteResult = validate26;
const schema36 = {"title":"FilesDeleteResult","description":"@since 1.1. Result of `files/delete`.","type":"object","additionalProperties":false,"required":["path"],"properties":{"path":{"description":"What was deleted, relative to the working directory.","type":"string"}}};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.path === undefined) && (missing0 = "path")){
validate26.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "path")){
validate26.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.path !== undefined){
if(typeof data.path !== "string"){
validate26.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate26.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate26.errors = vErrors;
return errors === 0;
}

export const FilesListResult = validate27;
const schema37 = {"title":"FilesListResult","description":"@since 1.1. Result of `files/list`.","type":"object","additionalProperties":false,"required":["path","entries"],"properties":{"path":{"description":"The directory listed, relative to the working directory (`.` for itself).","type":"string"},"entries":{"description":"Its entries, sorted by path, at most 10,000.","type":"array","items":{"$ref":"#/definitions/FileEntry"}},"truncated":{"description":"True when there were more entries than were listed.","type":"boolean"}}};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.path === undefined) && (missing0 = "path")) || ((data.type === undefined) && (missing0 = "type"))) || ((data.size === undefined) && (missing0 = "size"))) || ((data.modified === undefined) && (missing0 = "modified"))){
validate28.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "path") || (key0 === "type")) || (key0 === "size")) || (key0 === "modified"))){
validate28.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.path !== undefined){
const _errs2 = errors;
if(typeof data.path !== "string"){
validate28.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.type !== undefined){
let data1 = data.type;
const _errs4 = errors;
if(typeof data1 !== "string"){
validate28.errors = [{instancePath:instancePath+"/type",schemaPath:"#/definitions/FileType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data1 === "file") || (data1 === "directory")) || (data1 === "symlink")) || (data1 === "other"))){
validate28.errors = [{instancePath:instancePath+"/type",schemaPath:"#/definitions/FileType/enum",keyword:"enum",params:{allowedValues: schema33.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.size !== undefined){
let data2 = data.size;
const _errs7 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate28.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate28.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.modified !== undefined){
const _errs9 = errors;
if(typeof data.modified !== "string"){
validate28.errors = [{instancePath:instancePath+"/modified",schemaPath:"#/properties/modified/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate28.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate28.errors = vErrors;
return errors === 0;
}


function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.path === undefined) && (missing0 = "path")) || ((data.entries === undefined) && (missing0 = "entries"))){
validate27.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "path") || (key0 === "entries")) || (key0 === "truncated"))){
validate27.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.path !== undefined){
const _errs2 = errors;
if(typeof data.path !== "string"){
validate27.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.entries !== undefined){
let data1 = data.entries;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs6 = errors;
if(!(validate28(data1[i0], {instancePath:instancePath+"/entries/" + i0,parentData:data1,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
var valid1 = _errs6 === errors;
if(!valid1){
break;
}
}
}
else {
validate27.errors = [{instancePath:instancePath+"/entries",schemaPath:"#/properties/entries/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
const _errs7 = errors;
if(typeof data.truncated !== "boolean"){
validate27.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate27.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate27.errors = vErrors;
return errors === 0;
}

export const FilesReadResult = validate30;
const schema40 = {"title":"FilesReadResult","description":"@since 1.1. Result of `files/read`.","type":"object","additionalProperties":false,"required":["path","content","encoding","size"],"properties":{"path":{"description":"The file's path relative to the working directory.","type":"string"},"content":{"description":"The content, encoded as `encoding` says.","type":"string"},"encoding":{"$ref":"#/definitions/FileEncoding"},"size":{"description":"The file's size in bytes.","type":"integer","minimum":0}}};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.path === undefined) && (missing0 = "path")) || ((data.content === undefined) && (missing0 = "content"))) || ((data.encoding === undefined) && (missing0 = "encoding"))) || ((data.size === undefined) && (missing0 = "size"))){
validate30.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "path") || (key0 === "content")) || (key0 === "encoding")) || (key0 === "size"))){
validate30.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.path !== undefined){
const _errs2 = errors;
if(typeof data.path !== "string"){
validate30.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
const _errs4 = errors;
if(typeof data.content !== "string"){
validate30.errors = [{instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.encoding !== undefined){
let data2 = data.encoding;
const _errs6 = errors;
if(typeof data2 !== "string"){
validate30.errors = [{instancePath:instancePath+"/encoding",schemaPath:"#/definitions/FileEncoding/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data2 === "utf-8") || (data2 === "base64"))){
validate30.errors = [{instancePath:instancePath+"/encoding",schemaPath:"#/definitions/FileEncoding/enum",keyword:"enum",params:{allowedValues: schema31.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.size !== undefined){
let data3 = data.size;
const _errs9 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate30.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs9){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate30.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate30.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate30.errors = vErrors;
return errors === 0;
}

export const FilesWriteResult = validate31;
const schema42 = {"title":"FilesWriteResult","description":"@since 1.1. Result of `files/write`.","type":"object","additionalProperties":false,"required":["path","size"],"properties":{"path":{"description":"The file's path relative to the working directory.","type":"string"},"size":{"description":"Bytes written.","type":"integer","minimum":0}}};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.path === undefined) && (missing0 = "path")) || ((data.size === undefined) && (missing0 = "size"))){
validate31.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "path") || (key0 === "size"))){
validate31.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.path !== undefined){
const _errs2 = errors;
if(typeof data.path !== "string"){
validate31.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.size !== undefined){
let data1 = data.size;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate31.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate31.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate31.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate31.errors = vErrors;
return errors === 0;
}

export const HealthStatus = validate32;
const schema43 = {"title":"HealthStatus","description":"The daemon's health. `healthy`: at least one runner is ready or booting. `degraded`: none could be started. The enum may grow.","type":"string","enum":["healthy","degraded"]};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate32.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "healthy") || (data === "degraded"))){
validate32.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema43.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate32.errors = vErrors;
return errors === 0;
}

export const InfoResult = validate33;
const schema44 = {"title":"InfoResult","description":"Result of `daemon/info`: health and counters.","type":"object","additionalProperties":false,"required":["status","pyodide_loaded","uptime_seconds","execution_count","versions","isolation","workers","runners","session_count","queued","limits","tenant"],"properties":{"status":{"$ref":"#/definitions/HealthStatus"},"pyodide_loaded":{"description":"True when at least one runner has Pyodide loaded.","type":"boolean"},"uptime_seconds":{"description":"Seconds since the daemon started.","type":"number","minimum":0},"execution_count":{"description":"Runs the connection's tenant has started since it began (other tenants' runs are not counted).","type":"integer","minimum":0},"versions":{"$ref":"#/definitions/VersionInfo"},"isolation":{"$ref":"#/definitions/IsolationInfo"},"workers":{"description":"Runners each tenant may use in parallel for its sessions and one-off runs (the `--workers` setting).","type":"integer","minimum":0},"runners":{"description":"The spares (untouched runners, role `spare`) and the runners of the calling connection's tenant; other tenants' runners are not shown.","type":"array","items":{"$ref":"#/definitions/RunnerInfo"}},"session_count":{"description":"Open sessions of the calling connection's tenant.","type":"integer","minimum":0},"queued":{"description":"Runs of the calling connection's tenant waiting for a runner.","type":"integer","minimum":0},"limits":{"$ref":"#/definitions/LimitsInfo"},"snapshot":{"$ref":"#/definitions/SnapshotInfo"},"tenant":{"$ref":"#/definitions/TenantInfo"},"network":{"$ref":"#/definitions/NetworkInfo"},"packages":{"$ref":"#/definitions/PackagesInfo"},"usage":{"$ref":"#/definitions/TenantUsage"}}};
const schema46 = {"title":"VersionInfo","description":"Versions of the parts that make up the daemon.","type":"object","additionalProperties":false,"required":["name","woma","protocol","pyodide","bun"],"properties":{"name":{"description":"Always \"woma\".","type":"string"},"woma":{"description":"woma's own version.","type":"string"},"protocol":{"description":"The protocol version, as MAJOR.MINOR.","type":"string"},"pyodide":{"description":"The Pyodide version the runners load.","type":"string"},"python":{"description":"The Python version inside Pyodide, known once a runner has booted.","type":"string"},"bun":{"description":"The Bun runtime's version.","type":"string"}}};
const schema52 = {"title":"LimitsInfo","description":"Limits the daemon applies.","type":"object","additionalProperties":false,"required":["default_timeout_ms","max_output_bytes","max_message_bytes","max_queue","memory_limit_bytes"],"properties":{"default_timeout_ms":{"description":"Timeout of a run that gives none, in milliseconds; 0 means no timeout. When not 0, it is also the longest timeout a run may ask for (`--timeout`).","type":"integer","minimum":0,"maximum":2147483647},"max_output_bytes":{"description":"Most bytes of stdout, and separately of stderr, that one run keeps; the rest is cut and counted in `truncated`.","type":"integer","minimum":0},"max_message_bytes":{"description":"Largest JSON-RPC message the daemon accepts, in bytes.","type":"integer","minimum":0},"max_queue":{"description":"Most runs that may wait for a runner at once; past it `python/run` answers a busy error.","type":"integer","minimum":0},"memory_limit_bytes":{"description":"Resident memory above which a runner is killed and its sessions reported lost; 0 means no limit.","type":"integer","minimum":0},"max_display_bytes":{"description":"@since 1.1. Most bytes one display output may hold (the UTF-8 length of all its values together; base64 text for binary types). A bigger output loses its largest representations first, and its `truncated` says so.","type":"integer","minimum":0},"max_displays":{"description":"@since 1.1. Most display outputs one run keeps; later ones are dropped and counted in `truncated.displays`.","type":"integer","minimum":0},"max_file_bytes":{"description":"@since 1.1. Largest file `files/write` accepts and `files/read` returns, in bytes.","type":"integer","minimum":0},"max_runners":{"description":"@since 1.3. Most runner processes at once, spares and boots included (`--max-runners`); past it a request that needs one more waits in the admission queue.","type":"integer","minimum":0},"max_booting":{"description":"@since 1.3. Most runners booting at once (`--max-booting`); a request that needs a boot past it waits in the admission queue.","type":"integer","minimum":1},"admission_timeout_ms":{"description":"@since 1.3. Longest a request waits in the admission queue for a runner, in milliseconds (`--admission-timeout`); then it fails with -31006 (PoolBusy) naming the bound that held it. 0: such a request fails at once.","type":"integer","minimum":0},"admission_queue":{"description":"@since 1.3. Most requests waiting for a runner at once, across all tenants (`--admission-queue`); one more fails at once with -31006.","type":"integer","minimum":0},"max_tenant_runners":{"description":"@since 1.3. Most runners one tenant may hold at once, its shared runners and fresh interpreters together (`--max-tenant-runners`).","type":"integer","minimum":1},"max_tenant_sessions":{"description":"@since 1.3. Most sessions one tenant may have open (`--max-tenant-sessions`); `session/create` past it fails with -31006.","type":"integer","minimum":0},"max_tenant_file_bytes":{"description":"@since 1.3. Most bytes of files one tenant's sessions may hold, as `files/write` finds them (`--max-tenant-file-bytes`); a write past it fails with -31015 (FileTooLarge).","type":"integer","minimum":0},"max_pending_input_bytes":{"description":"@since 1.3. Most bytes of requests one connection may have read and not yet answered (`--max-pending-input`); a request past it is refused with -31006 without being read.","type":"integer","minimum":0},"tenant_idle_timeout_ms":{"description":"@since 1.3. A tenant that has not used its runners for this long loses them (its sessions are reported lost, saying why); 0 means never (`--tenant-idle-timeout`).","type":"integer","minimum":0}}};
const schema55 = {"title":"TenantInfo","description":"The tenant a connection acts for. A tenant's code never shares an interpreter with another tenant's.","type":"object","additionalProperties":false,"required":["name","shared"],"properties":{"name":{"description":"The name given in `daemon/initialize`, or null when the connection acts for a tenant of its own.","type":["string","null"]},"shared":{"description":"True for a named tenant: every connection naming it sees its sessions, and the sessions outlive the connection. False for a connection's own tenant, which ends with the connection (its sessions are closed, its runners stopped).","type":"boolean"}}};
const schema58 = {"title":"PackagesInfo","description":"@since 1.1. Python packages beyond the standard library: where they come from and how code gets them.","type":"object","additionalProperties":false,"required":["available","source","on_import","index","preload","popular"],"properties":{"available":{"description":"False when this daemon has no package store (then only the standard library is there).","type":"boolean"},"source":{"description":"Where Pyodide's distribution comes from: its CDN, or a mirror URL or directory (`--packages-url`).","type":"string"},"on_import":{"description":"True when importing a module of the distribution loads its package (and its dependencies) first: code needs no install step.","type":"boolean"},"count":{"description":"Packages in the distribution's lock, when it has been read.","type":"integer","minimum":0},"popular":{"description":"Some well-known packages of the distribution, by distribution name (numpy, pandas, matplotlib, ...), for a client to mention.","type":"array","items":{"type":"string"}},"index":{"description":"The PEP 503 index `packages/install` and `micropip.install` take other pure-Python packages from (`--pypi-index`), or null for none.","type":["string","null"]},"preload":{"description":"Modules every runner imports at boot (`--preload`).","type":"array","items":{"type":"string"}},"detail":{"description":"Why packages are unavailable, when they are.","type":"string"}}};
const schema59 = {"title":"TenantUsage","description":"@since 1.3. What the calling connection's tenant holds and has used, and nothing of any other tenant's.","type":"object","additionalProperties":false,"required":["runners","busy","rss_bytes","runs","queued","waiting","sessions","boot_ms"],"properties":{"runners":{"description":"Runners the tenant holds (shared and fresh-interpreter ones).","type":"integer","minimum":0},"busy":{"description":"Of those, runners running its code now.","type":"integer","minimum":0},"rss_bytes":{"description":"Resident memory of its runners together, in bytes.","type":"integer","minimum":0},"runs":{"description":"Runs it has started (its `execution_count`).","type":"integer","minimum":0},"queued":{"description":"Its requests waiting for one of its runners.","type":"integer","minimum":0},"waiting":{"description":"Its requests waiting in the admission queue for a runner it does not have yet.","type":"integer","minimum":0},"sessions":{"description":"Its open sessions.","type":"integer","minimum":0},"boot_ms":{"description":"Milliseconds its runners spent booting (those it took ready from the spares included).","type":"number","minimum":0}}};
const schema47 = {"title":"IsolationInfo","description":"How runners are kept apart from the host.","type":"object","additionalProperties":false,"required":["level","detail"],"properties":{"level":{"$ref":"#/definitions/IsolationLevel"},"detail":{"description":"A sentence on how the level was chosen, or why a stronger one was not available.","type":"string"}}};
const schema48 = {"title":"IsolationLevel","description":"How runners are kept from the host. `namespace`: each runner in its own Linux user, mount, PID and network namespaces. `process`: a separate process with a scrubbed environment and hardened Pyodide, defence in depth only. The enum may grow.","type":"string","enum":["namespace","process"]};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.level === undefined) && (missing0 = "level")) || ((data.detail === undefined) && (missing0 = "detail"))){
validate34.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "level") || (key0 === "detail"))){
validate34.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.level !== undefined){
let data0 = data.level;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate34.errors = [{instancePath:instancePath+"/level",schemaPath:"#/definitions/IsolationLevel/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "namespace") || (data0 === "process"))){
validate34.errors = [{instancePath:instancePath+"/level",schemaPath:"#/definitions/IsolationLevel/enum",keyword:"enum",params:{allowedValues: schema48.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.detail !== undefined){
const _errs5 = errors;
if(typeof data.detail !== "string"){
validate34.errors = [{instancePath:instancePath+"/detail",schemaPath:"#/properties/detail/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate34.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate34.errors = vErrors;
return errors === 0;
}

const schema49 = {"title":"RunnerInfo","description":"One runner process.","type":"object","additionalProperties":false,"required":["runner_id","pid","state","role","sessions","queued","runs"],"properties":{"runner_id":{"description":"The runner's name.","type":"string"},"pid":{"description":"The process id of the runner (of its sandbox wrapper under `namespace` isolation).","type":"integer"},"state":{"$ref":"#/definitions/RunnerState"},"role":{"$ref":"#/definitions/RunnerRole"},"sessions":{"description":"Sessions held by this runner.","type":"integer","minimum":0},"queued":{"description":"Runs waiting for this runner.","type":"integer","minimum":0},"runs":{"description":"Runs this runner has finished.","type":"integer","minimum":0},"rss_bytes":{"description":"Resident memory of the runner's processes, when it could be read.","type":"integer","minimum":0},"boot_ms":{"description":"How long the runner took to boot, in milliseconds.","type":"number","minimum":0},"from_snapshot":{"description":"True when the runner booted from a memory snapshot.","type":"boolean"}}};
const schema50 = {"title":"RunnerState","description":"What a runner is doing: `booting`, `idle`, `busy` (running code) or `dead`. The enum may grow.","type":"string","enum":["booting","idle","busy","dead"]};
const schema51 = {"title":"RunnerRole","description":"What a runner is for. `shared`: serves sessions and one-off runs. `spare`: booted and waiting to be handed out. `dedicated`: the interpreter of one fresh-interpreter session.","type":"string","enum":["shared","spare","dedicated"]};

function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.runner_id === undefined) && (missing0 = "runner_id")) || ((data.pid === undefined) && (missing0 = "pid"))) || ((data.state === undefined) && (missing0 = "state"))) || ((data.role === undefined) && (missing0 = "role"))) || ((data.sessions === undefined) && (missing0 = "sessions"))) || ((data.queued === undefined) && (missing0 = "queued"))) || ((data.runs === undefined) && (missing0 = "runs"))){
validate36.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema49.properties, key0))){
validate36.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runner_id !== undefined){
const _errs2 = errors;
if(typeof data.runner_id !== "string"){
validate36.errors = [{instancePath:instancePath+"/runner_id",schemaPath:"#/properties/runner_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.pid !== undefined){
let data1 = data.pid;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate36.errors = [{instancePath:instancePath+"/pid",schemaPath:"#/properties/pid/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.state !== undefined){
let data2 = data.state;
const _errs6 = errors;
if(typeof data2 !== "string"){
validate36.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/RunnerState/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data2 === "booting") || (data2 === "idle")) || (data2 === "busy")) || (data2 === "dead"))){
validate36.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/RunnerState/enum",keyword:"enum",params:{allowedValues: schema50.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.role !== undefined){
let data3 = data.role;
const _errs9 = errors;
if(typeof data3 !== "string"){
validate36.errors = [{instancePath:instancePath+"/role",schemaPath:"#/definitions/RunnerRole/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data3 === "shared") || (data3 === "spare")) || (data3 === "dedicated"))){
validate36.errors = [{instancePath:instancePath+"/role",schemaPath:"#/definitions/RunnerRole/enum",keyword:"enum",params:{allowedValues: schema51.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sessions !== undefined){
let data4 = data.sessions;
const _errs12 = errors;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
validate36.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs12){
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
validate36.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.queued !== undefined){
let data5 = data.queued;
const _errs14 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate36.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate36.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.runs !== undefined){
let data6 = data.runs;
const _errs16 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate36.errors = [{instancePath:instancePath+"/runs",schemaPath:"#/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate36.errors = [{instancePath:instancePath+"/runs",schemaPath:"#/properties/runs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.rss_bytes !== undefined){
let data7 = data.rss_bytes;
const _errs18 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate36.errors = [{instancePath:instancePath+"/rss_bytes",schemaPath:"#/properties/rss_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate36.errors = [{instancePath:instancePath+"/rss_bytes",schemaPath:"#/properties/rss_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boot_ms !== undefined){
let data8 = data.boot_ms;
const _errs20 = errors;
if(errors === _errs20){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate36.errors = [{instancePath:instancePath+"/boot_ms",schemaPath:"#/properties/boot_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate36.errors = [{instancePath:instancePath+"/boot_ms",schemaPath:"#/properties/boot_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.from_snapshot !== undefined){
const _errs22 = errors;
if(typeof data.from_snapshot !== "boolean"){
validate36.errors = [{instancePath:instancePath+"/from_snapshot",schemaPath:"#/properties/from_snapshot/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate36.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate36.errors = vErrors;
return errors === 0;
}

const schema53 = {"title":"SnapshotInfo","description":"The memory snapshot runners boot from.","type":"object","additionalProperties":false,"required":["state"],"properties":{"state":{"$ref":"#/definitions/SnapshotState"},"path":{"description":"The snapshot file.","type":"string"},"bytes":{"description":"Its size in bytes.","type":"integer","minimum":0},"detail":{"description":"Why it is unavailable, when it is.","type":"string"}}};
const schema54 = {"title":"SnapshotState","description":"The state of the memory snapshot runners boot from. `ready`: runners boot from it. `building`: being made. `unavailable`: runners boot plain (see the snapshot's `detail`).","type":"string","enum":["ready","building","unavailable"]};

function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.state === undefined) && (missing0 = "state")){
validate38.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "state") || (key0 === "path")) || (key0 === "bytes")) || (key0 === "detail"))){
validate38.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.state !== undefined){
let data0 = data.state;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate38.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/SnapshotState/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "ready") || (data0 === "building")) || (data0 === "unavailable"))){
validate38.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/SnapshotState/enum",keyword:"enum",params:{allowedValues: schema54.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
const _errs5 = errors;
if(typeof data.path !== "string"){
validate38.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.bytes !== undefined){
let data2 = data.bytes;
const _errs7 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate38.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate38.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.detail !== undefined){
const _errs9 = errors;
if(typeof data.detail !== "string"){
validate38.errors = [{instancePath:instancePath+"/detail",schemaPath:"#/properties/detail/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate38.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate38.errors = vErrors;
return errors === 0;
}

const schema56 = {"title":"NetworkInfo","description":"@since 1.1. What Python's HTTP (urllib, requests, httpx, pyfetch) may reach through the daemon's network broker. Runners have no network of their own.","type":"object","additionalProperties":false,"required":["mode","allow","deny","max_response_bytes"],"properties":{"mode":{"$ref":"#/definitions/NetMode"},"allow":{"description":"Hosts, domains and address ranges allowed whatever the mode says (`--allow-net`), as given.","type":"array","items":{"type":"string"}},"deny":{"description":"Hosts, domains and address ranges always refused (`--deny-net`), as given.","type":"array","items":{"type":"string"}},"max_response_bytes":{"description":"Most bytes of one response body, counted after decompression.","type":"integer","minimum":0}}};
const schema57 = {"title":"NetMode","description":"What happens to a request that no allow or deny rule names. `off`: refused. `public`: allowed only to public internet addresses (loopback, private, link-local and metadata addresses are refused). `all`: allowed.","type":"string","enum":["off","public","all"]};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.mode === undefined) && (missing0 = "mode")) || ((data.allow === undefined) && (missing0 = "allow"))) || ((data.deny === undefined) && (missing0 = "deny"))) || ((data.max_response_bytes === undefined) && (missing0 = "max_response_bytes"))){
validate40.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "mode") || (key0 === "allow")) || (key0 === "deny")) || (key0 === "max_response_bytes"))){
validate40.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.mode !== undefined){
let data0 = data.mode;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate40.errors = [{instancePath:instancePath+"/mode",schemaPath:"#/definitions/NetMode/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "off") || (data0 === "public")) || (data0 === "all"))){
validate40.errors = [{instancePath:instancePath+"/mode",schemaPath:"#/definitions/NetMode/enum",keyword:"enum",params:{allowedValues: schema57.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.allow !== undefined){
let data1 = data.allow;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data1)){
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs7 = errors;
if(typeof data1[i0] !== "string"){
validate40.errors = [{instancePath:instancePath+"/allow/" + i0,schemaPath:"#/properties/allow/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs7 === errors;
if(!valid2){
break;
}
}
}
else {
validate40.errors = [{instancePath:instancePath+"/allow",schemaPath:"#/properties/allow/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.deny !== undefined){
let data3 = data.deny;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data3)){
var valid3 = true;
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
const _errs11 = errors;
if(typeof data3[i1] !== "string"){
validate40.errors = [{instancePath:instancePath+"/deny/" + i1,schemaPath:"#/properties/deny/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs11 === errors;
if(!valid3){
break;
}
}
}
else {
validate40.errors = [{instancePath:instancePath+"/deny",schemaPath:"#/properties/deny/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_response_bytes !== undefined){
let data5 = data.max_response_bytes;
const _errs13 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate40.errors = [{instancePath:instancePath+"/max_response_bytes",schemaPath:"#/properties/max_response_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs13){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate40.errors = [{instancePath:instancePath+"/max_response_bytes",schemaPath:"#/properties/max_response_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate40.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate40.errors = vErrors;
return errors === 0;
}


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((((((data.status === undefined) && (missing0 = "status")) || ((data.pyodide_loaded === undefined) && (missing0 = "pyodide_loaded"))) || ((data.uptime_seconds === undefined) && (missing0 = "uptime_seconds"))) || ((data.execution_count === undefined) && (missing0 = "execution_count"))) || ((data.versions === undefined) && (missing0 = "versions"))) || ((data.isolation === undefined) && (missing0 = "isolation"))) || ((data.workers === undefined) && (missing0 = "workers"))) || ((data.runners === undefined) && (missing0 = "runners"))) || ((data.session_count === undefined) && (missing0 = "session_count"))) || ((data.queued === undefined) && (missing0 = "queued"))) || ((data.limits === undefined) && (missing0 = "limits"))) || ((data.tenant === undefined) && (missing0 = "tenant"))){
validate33.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema44.properties, key0))){
validate33.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate33.errors = [{instancePath:instancePath+"/status",schemaPath:"#/definitions/HealthStatus/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "healthy") || (data0 === "degraded"))){
validate33.errors = [{instancePath:instancePath+"/status",schemaPath:"#/definitions/HealthStatus/enum",keyword:"enum",params:{allowedValues: schema43.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.pyodide_loaded !== undefined){
const _errs5 = errors;
if(typeof data.pyodide_loaded !== "boolean"){
validate33.errors = [{instancePath:instancePath+"/pyodide_loaded",schemaPath:"#/properties/pyodide_loaded/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.uptime_seconds !== undefined){
let data2 = data.uptime_seconds;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate33.errors = [{instancePath:instancePath+"/uptime_seconds",schemaPath:"#/properties/uptime_seconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/uptime_seconds",schemaPath:"#/properties/uptime_seconds/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.execution_count !== undefined){
let data3 = data.execution_count;
const _errs9 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate33.errors = [{instancePath:instancePath+"/execution_count",schemaPath:"#/properties/execution_count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs9){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate33.errors = [{instancePath:instancePath+"/execution_count",schemaPath:"#/properties/execution_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.versions !== undefined){
let data4 = data.versions;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if((((((data4.name === undefined) && (missing1 = "name")) || ((data4.woma === undefined) && (missing1 = "woma"))) || ((data4.protocol === undefined) && (missing1 = "protocol"))) || ((data4.pyodide === undefined) && (missing1 = "pyodide"))) || ((data4.bun === undefined) && (missing1 = "bun"))){
validate33.errors = [{instancePath:instancePath+"/versions",schemaPath:"#/definitions/VersionInfo/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs14 = errors;
for(const key1 in data4){
if(!((((((key1 === "name") || (key1 === "woma")) || (key1 === "protocol")) || (key1 === "pyodide")) || (key1 === "python")) || (key1 === "bun"))){
validate33.errors = [{instancePath:instancePath+"/versions",schemaPath:"#/definitions/VersionInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs14 === errors){
if(data4.name !== undefined){
const _errs15 = errors;
if(typeof data4.name !== "string"){
validate33.errors = [{instancePath:instancePath+"/versions/name",schemaPath:"#/definitions/VersionInfo/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs15 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.woma !== undefined){
const _errs17 = errors;
if(typeof data4.woma !== "string"){
validate33.errors = [{instancePath:instancePath+"/versions/woma",schemaPath:"#/definitions/VersionInfo/properties/woma/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs17 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.protocol !== undefined){
const _errs19 = errors;
if(typeof data4.protocol !== "string"){
validate33.errors = [{instancePath:instancePath+"/versions/protocol",schemaPath:"#/definitions/VersionInfo/properties/protocol/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs19 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.pyodide !== undefined){
const _errs21 = errors;
if(typeof data4.pyodide !== "string"){
validate33.errors = [{instancePath:instancePath+"/versions/pyodide",schemaPath:"#/definitions/VersionInfo/properties/pyodide/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs21 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.python !== undefined){
const _errs23 = errors;
if(typeof data4.python !== "string"){
validate33.errors = [{instancePath:instancePath+"/versions/python",schemaPath:"#/definitions/VersionInfo/properties/python/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs23 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.bun !== undefined){
const _errs25 = errors;
if(typeof data4.bun !== "string"){
validate33.errors = [{instancePath:instancePath+"/versions/bun",schemaPath:"#/definitions/VersionInfo/properties/bun/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs25 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/versions",schemaPath:"#/definitions/VersionInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.isolation !== undefined){
const _errs27 = errors;
if(!(validate34(data.isolation, {instancePath:instancePath+"/isolation",parentData:data,parentDataProperty:"isolation",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.workers !== undefined){
let data12 = data.workers;
const _errs28 = errors;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
validate33.errors = [{instancePath:instancePath+"/workers",schemaPath:"#/properties/workers/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs28){
if(typeof data12 == "number"){
if(data12 < 0 || isNaN(data12)){
validate33.errors = [{instancePath:instancePath+"/workers",schemaPath:"#/properties/workers/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs28 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.runners !== undefined){
let data13 = data.runners;
const _errs30 = errors;
if(errors === _errs30){
if(Array.isArray(data13)){
var valid4 = true;
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
const _errs32 = errors;
if(!(validate36(data13[i0], {instancePath:instancePath+"/runners/" + i0,parentData:data13,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
var valid4 = _errs32 === errors;
if(!valid4){
break;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/runners",schemaPath:"#/properties/runners/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs30 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.session_count !== undefined){
let data15 = data.session_count;
const _errs33 = errors;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
validate33.errors = [{instancePath:instancePath+"/session_count",schemaPath:"#/properties/session_count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs33){
if(typeof data15 == "number"){
if(data15 < 0 || isNaN(data15)){
validate33.errors = [{instancePath:instancePath+"/session_count",schemaPath:"#/properties/session_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs33 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.queued !== undefined){
let data16 = data.queued;
const _errs35 = errors;
if(!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))){
validate33.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs35){
if(typeof data16 == "number"){
if(data16 < 0 || isNaN(data16)){
validate33.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limits !== undefined){
let data17 = data.limits;
const _errs37 = errors;
const _errs38 = errors;
if(errors === _errs38){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing2;
if((((((data17.default_timeout_ms === undefined) && (missing2 = "default_timeout_ms")) || ((data17.max_output_bytes === undefined) && (missing2 = "max_output_bytes"))) || ((data17.max_message_bytes === undefined) && (missing2 = "max_message_bytes"))) || ((data17.max_queue === undefined) && (missing2 = "max_queue"))) || ((data17.memory_limit_bytes === undefined) && (missing2 = "memory_limit_bytes"))){
validate33.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/definitions/LimitsInfo/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs40 = errors;
for(const key2 in data17){
if(!(func2.call(schema52.properties, key2))){
validate33.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/definitions/LimitsInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs40 === errors){
if(data17.default_timeout_ms !== undefined){
let data18 = data17.default_timeout_ms;
const _errs41 = errors;
if(!((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18)))){
validate33.errors = [{instancePath:instancePath+"/limits/default_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/default_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs41){
if(typeof data18 == "number"){
if(data18 > 2147483647 || isNaN(data18)){
validate33.errors = [{instancePath:instancePath+"/limits/default_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/default_timeout_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data18 < 0 || isNaN(data18)){
validate33.errors = [{instancePath:instancePath+"/limits/default_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/default_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid6 = _errs41 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_output_bytes !== undefined){
let data19 = data17.max_output_bytes;
const _errs43 = errors;
if(!((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_output_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_output_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs43){
if(typeof data19 == "number"){
if(data19 < 0 || isNaN(data19)){
validate33.errors = [{instancePath:instancePath+"/limits/max_output_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_output_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs43 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_message_bytes !== undefined){
let data20 = data17.max_message_bytes;
const _errs45 = errors;
if(!((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_message_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_message_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs45){
if(typeof data20 == "number"){
if(data20 < 0 || isNaN(data20)){
validate33.errors = [{instancePath:instancePath+"/limits/max_message_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_message_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs45 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_queue !== undefined){
let data21 = data17.max_queue;
const _errs47 = errors;
if(!((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_queue",schemaPath:"#/definitions/LimitsInfo/properties/max_queue/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs47){
if(typeof data21 == "number"){
if(data21 < 0 || isNaN(data21)){
validate33.errors = [{instancePath:instancePath+"/limits/max_queue",schemaPath:"#/definitions/LimitsInfo/properties/max_queue/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs47 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.memory_limit_bytes !== undefined){
let data22 = data17.memory_limit_bytes;
const _errs49 = errors;
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
validate33.errors = [{instancePath:instancePath+"/limits/memory_limit_bytes",schemaPath:"#/definitions/LimitsInfo/properties/memory_limit_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs49){
if(typeof data22 == "number"){
if(data22 < 0 || isNaN(data22)){
validate33.errors = [{instancePath:instancePath+"/limits/memory_limit_bytes",schemaPath:"#/definitions/LimitsInfo/properties/memory_limit_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs49 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_display_bytes !== undefined){
let data23 = data17.max_display_bytes;
const _errs51 = errors;
if(!((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_display_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_display_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs51){
if(typeof data23 == "number"){
if(data23 < 0 || isNaN(data23)){
validate33.errors = [{instancePath:instancePath+"/limits/max_display_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_display_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs51 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_displays !== undefined){
let data24 = data17.max_displays;
const _errs53 = errors;
if(!((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_displays",schemaPath:"#/definitions/LimitsInfo/properties/max_displays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs53){
if(typeof data24 == "number"){
if(data24 < 0 || isNaN(data24)){
validate33.errors = [{instancePath:instancePath+"/limits/max_displays",schemaPath:"#/definitions/LimitsInfo/properties/max_displays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs53 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_file_bytes !== undefined){
let data25 = data17.max_file_bytes;
const _errs55 = errors;
if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_file_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs55){
if(typeof data25 == "number"){
if(data25 < 0 || isNaN(data25)){
validate33.errors = [{instancePath:instancePath+"/limits/max_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_file_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs55 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_runners !== undefined){
let data26 = data17.max_runners;
const _errs57 = errors;
if(!((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs57){
if(typeof data26 == "number"){
if(data26 < 0 || isNaN(data26)){
validate33.errors = [{instancePath:instancePath+"/limits/max_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs57 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_booting !== undefined){
let data27 = data17.max_booting;
const _errs59 = errors;
if(!((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_booting",schemaPath:"#/definitions/LimitsInfo/properties/max_booting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs59){
if(typeof data27 == "number"){
if(data27 < 1 || isNaN(data27)){
validate33.errors = [{instancePath:instancePath+"/limits/max_booting",schemaPath:"#/definitions/LimitsInfo/properties/max_booting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid6 = _errs59 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.admission_timeout_ms !== undefined){
let data28 = data17.admission_timeout_ms;
const _errs61 = errors;
if(!((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28)))){
validate33.errors = [{instancePath:instancePath+"/limits/admission_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/admission_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs61){
if(typeof data28 == "number"){
if(data28 < 0 || isNaN(data28)){
validate33.errors = [{instancePath:instancePath+"/limits/admission_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/admission_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs61 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.admission_queue !== undefined){
let data29 = data17.admission_queue;
const _errs63 = errors;
if(!((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29)))){
validate33.errors = [{instancePath:instancePath+"/limits/admission_queue",schemaPath:"#/definitions/LimitsInfo/properties/admission_queue/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs63){
if(typeof data29 == "number"){
if(data29 < 0 || isNaN(data29)){
validate33.errors = [{instancePath:instancePath+"/limits/admission_queue",schemaPath:"#/definitions/LimitsInfo/properties/admission_queue/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs63 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_tenant_runners !== undefined){
let data30 = data17.max_tenant_runners;
const _errs65 = errors;
if(!((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_tenant_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs65){
if(typeof data30 == "number"){
if(data30 < 1 || isNaN(data30)){
validate33.errors = [{instancePath:instancePath+"/limits/max_tenant_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid6 = _errs65 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_tenant_sessions !== undefined){
let data31 = data17.max_tenant_sessions;
const _errs67 = errors;
if(!((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_tenant_sessions",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs67){
if(typeof data31 == "number"){
if(data31 < 0 || isNaN(data31)){
validate33.errors = [{instancePath:instancePath+"/limits/max_tenant_sessions",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs67 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_tenant_file_bytes !== undefined){
let data32 = data17.max_tenant_file_bytes;
const _errs69 = errors;
if(!((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_tenant_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_file_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs69){
if(typeof data32 == "number"){
if(data32 < 0 || isNaN(data32)){
validate33.errors = [{instancePath:instancePath+"/limits/max_tenant_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_file_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs69 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.max_pending_input_bytes !== undefined){
let data33 = data17.max_pending_input_bytes;
const _errs71 = errors;
if(!((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33)))){
validate33.errors = [{instancePath:instancePath+"/limits/max_pending_input_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_pending_input_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs71){
if(typeof data33 == "number"){
if(data33 < 0 || isNaN(data33)){
validate33.errors = [{instancePath:instancePath+"/limits/max_pending_input_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_pending_input_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs71 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data17.tenant_idle_timeout_ms !== undefined){
let data34 = data17.tenant_idle_timeout_ms;
const _errs73 = errors;
if(!((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34)))){
validate33.errors = [{instancePath:instancePath+"/limits/tenant_idle_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/tenant_idle_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs73){
if(typeof data34 == "number"){
if(data34 < 0 || isNaN(data34)){
validate33.errors = [{instancePath:instancePath+"/limits/tenant_idle_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/tenant_idle_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs73 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/definitions/LimitsInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs37 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.snapshot !== undefined){
const _errs75 = errors;
if(!(validate38(data.snapshot, {instancePath:instancePath+"/snapshot",parentData:data,parentDataProperty:"snapshot",rootData}))){
vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
errors = vErrors.length;
}
var valid0 = _errs75 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tenant !== undefined){
let data36 = data.tenant;
const _errs76 = errors;
const _errs77 = errors;
if(errors === _errs77){
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
let missing3;
if(((data36.name === undefined) && (missing3 = "name")) || ((data36.shared === undefined) && (missing3 = "shared"))){
validate33.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/definitions/TenantInfo/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs79 = errors;
for(const key3 in data36){
if(!((key3 === "name") || (key3 === "shared"))){
validate33.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/definitions/TenantInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs79 === errors){
if(data36.name !== undefined){
let data37 = data36.name;
const _errs80 = errors;
if((typeof data37 !== "string") && (data37 !== null)){
validate33.errors = [{instancePath:instancePath+"/tenant/name",schemaPath:"#/definitions/TenantInfo/properties/name/type",keyword:"type",params:{type: schema55.properties.name.type},message:"must be string,null"}];
return false;
}
var valid8 = _errs80 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data36.shared !== undefined){
const _errs82 = errors;
if(typeof data36.shared !== "boolean"){
validate33.errors = [{instancePath:instancePath+"/tenant/shared",schemaPath:"#/definitions/TenantInfo/properties/shared/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid8 = _errs82 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/definitions/TenantInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs76 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.network !== undefined){
const _errs84 = errors;
if(!(validate40(data.network, {instancePath:instancePath+"/network",parentData:data,parentDataProperty:"network",rootData}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
var valid0 = _errs84 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.packages !== undefined){
let data40 = data.packages;
const _errs85 = errors;
const _errs86 = errors;
if(errors === _errs86){
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
let missing4;
if(((((((data40.available === undefined) && (missing4 = "available")) || ((data40.source === undefined) && (missing4 = "source"))) || ((data40.on_import === undefined) && (missing4 = "on_import"))) || ((data40.index === undefined) && (missing4 = "index"))) || ((data40.preload === undefined) && (missing4 = "preload"))) || ((data40.popular === undefined) && (missing4 = "popular"))){
validate33.errors = [{instancePath:instancePath+"/packages",schemaPath:"#/definitions/PackagesInfo/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs88 = errors;
for(const key4 in data40){
if(!((((((((key4 === "available") || (key4 === "source")) || (key4 === "on_import")) || (key4 === "count")) || (key4 === "popular")) || (key4 === "index")) || (key4 === "preload")) || (key4 === "detail"))){
validate33.errors = [{instancePath:instancePath+"/packages",schemaPath:"#/definitions/PackagesInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs88 === errors){
if(data40.available !== undefined){
const _errs89 = errors;
if(typeof data40.available !== "boolean"){
validate33.errors = [{instancePath:instancePath+"/packages/available",schemaPath:"#/definitions/PackagesInfo/properties/available/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid10 = _errs89 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data40.source !== undefined){
const _errs91 = errors;
if(typeof data40.source !== "string"){
validate33.errors = [{instancePath:instancePath+"/packages/source",schemaPath:"#/definitions/PackagesInfo/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid10 = _errs91 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data40.on_import !== undefined){
const _errs93 = errors;
if(typeof data40.on_import !== "boolean"){
validate33.errors = [{instancePath:instancePath+"/packages/on_import",schemaPath:"#/definitions/PackagesInfo/properties/on_import/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid10 = _errs93 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data40.count !== undefined){
let data44 = data40.count;
const _errs95 = errors;
if(!((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44)))){
validate33.errors = [{instancePath:instancePath+"/packages/count",schemaPath:"#/definitions/PackagesInfo/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs95){
if(typeof data44 == "number"){
if(data44 < 0 || isNaN(data44)){
validate33.errors = [{instancePath:instancePath+"/packages/count",schemaPath:"#/definitions/PackagesInfo/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid10 = _errs95 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data40.popular !== undefined){
let data45 = data40.popular;
const _errs97 = errors;
if(errors === _errs97){
if(Array.isArray(data45)){
var valid11 = true;
const len1 = data45.length;
for(let i1=0; i1<len1; i1++){
const _errs99 = errors;
if(typeof data45[i1] !== "string"){
validate33.errors = [{instancePath:instancePath+"/packages/popular/" + i1,schemaPath:"#/definitions/PackagesInfo/properties/popular/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid11 = _errs99 === errors;
if(!valid11){
break;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/packages/popular",schemaPath:"#/definitions/PackagesInfo/properties/popular/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid10 = _errs97 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data40.index !== undefined){
let data47 = data40.index;
const _errs101 = errors;
if((typeof data47 !== "string") && (data47 !== null)){
validate33.errors = [{instancePath:instancePath+"/packages/index",schemaPath:"#/definitions/PackagesInfo/properties/index/type",keyword:"type",params:{type: schema58.properties.index.type},message:"must be string,null"}];
return false;
}
var valid10 = _errs101 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data40.preload !== undefined){
let data48 = data40.preload;
const _errs103 = errors;
if(errors === _errs103){
if(Array.isArray(data48)){
var valid12 = true;
const len2 = data48.length;
for(let i2=0; i2<len2; i2++){
const _errs105 = errors;
if(typeof data48[i2] !== "string"){
validate33.errors = [{instancePath:instancePath+"/packages/preload/" + i2,schemaPath:"#/definitions/PackagesInfo/properties/preload/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid12 = _errs105 === errors;
if(!valid12){
break;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/packages/preload",schemaPath:"#/definitions/PackagesInfo/properties/preload/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid10 = _errs103 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data40.detail !== undefined){
const _errs107 = errors;
if(typeof data40.detail !== "string"){
validate33.errors = [{instancePath:instancePath+"/packages/detail",schemaPath:"#/definitions/PackagesInfo/properties/detail/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid10 = _errs107 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/packages",schemaPath:"#/definitions/PackagesInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs85 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.usage !== undefined){
let data51 = data.usage;
const _errs109 = errors;
const _errs110 = errors;
if(errors === _errs110){
if(data51 && typeof data51 == "object" && !Array.isArray(data51)){
let missing5;
if(((((((((data51.runners === undefined) && (missing5 = "runners")) || ((data51.busy === undefined) && (missing5 = "busy"))) || ((data51.rss_bytes === undefined) && (missing5 = "rss_bytes"))) || ((data51.runs === undefined) && (missing5 = "runs"))) || ((data51.queued === undefined) && (missing5 = "queued"))) || ((data51.waiting === undefined) && (missing5 = "waiting"))) || ((data51.sessions === undefined) && (missing5 = "sessions"))) || ((data51.boot_ms === undefined) && (missing5 = "boot_ms"))){
validate33.errors = [{instancePath:instancePath+"/usage",schemaPath:"#/definitions/TenantUsage/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs112 = errors;
for(const key5 in data51){
if(!((((((((key5 === "runners") || (key5 === "busy")) || (key5 === "rss_bytes")) || (key5 === "runs")) || (key5 === "queued")) || (key5 === "waiting")) || (key5 === "sessions")) || (key5 === "boot_ms"))){
validate33.errors = [{instancePath:instancePath+"/usage",schemaPath:"#/definitions/TenantUsage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs112 === errors){
if(data51.runners !== undefined){
let data52 = data51.runners;
const _errs113 = errors;
if(!((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52)))){
validate33.errors = [{instancePath:instancePath+"/usage/runners",schemaPath:"#/definitions/TenantUsage/properties/runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs113){
if(typeof data52 == "number"){
if(data52 < 0 || isNaN(data52)){
validate33.errors = [{instancePath:instancePath+"/usage/runners",schemaPath:"#/definitions/TenantUsage/properties/runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid14 = _errs113 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data51.busy !== undefined){
let data53 = data51.busy;
const _errs115 = errors;
if(!((typeof data53 == "number") && (!(data53 % 1) && !isNaN(data53)))){
validate33.errors = [{instancePath:instancePath+"/usage/busy",schemaPath:"#/definitions/TenantUsage/properties/busy/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs115){
if(typeof data53 == "number"){
if(data53 < 0 || isNaN(data53)){
validate33.errors = [{instancePath:instancePath+"/usage/busy",schemaPath:"#/definitions/TenantUsage/properties/busy/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid14 = _errs115 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data51.rss_bytes !== undefined){
let data54 = data51.rss_bytes;
const _errs117 = errors;
if(!((typeof data54 == "number") && (!(data54 % 1) && !isNaN(data54)))){
validate33.errors = [{instancePath:instancePath+"/usage/rss_bytes",schemaPath:"#/definitions/TenantUsage/properties/rss_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs117){
if(typeof data54 == "number"){
if(data54 < 0 || isNaN(data54)){
validate33.errors = [{instancePath:instancePath+"/usage/rss_bytes",schemaPath:"#/definitions/TenantUsage/properties/rss_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid14 = _errs117 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data51.runs !== undefined){
let data55 = data51.runs;
const _errs119 = errors;
if(!((typeof data55 == "number") && (!(data55 % 1) && !isNaN(data55)))){
validate33.errors = [{instancePath:instancePath+"/usage/runs",schemaPath:"#/definitions/TenantUsage/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs119){
if(typeof data55 == "number"){
if(data55 < 0 || isNaN(data55)){
validate33.errors = [{instancePath:instancePath+"/usage/runs",schemaPath:"#/definitions/TenantUsage/properties/runs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid14 = _errs119 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data51.queued !== undefined){
let data56 = data51.queued;
const _errs121 = errors;
if(!((typeof data56 == "number") && (!(data56 % 1) && !isNaN(data56)))){
validate33.errors = [{instancePath:instancePath+"/usage/queued",schemaPath:"#/definitions/TenantUsage/properties/queued/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs121){
if(typeof data56 == "number"){
if(data56 < 0 || isNaN(data56)){
validate33.errors = [{instancePath:instancePath+"/usage/queued",schemaPath:"#/definitions/TenantUsage/properties/queued/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid14 = _errs121 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data51.waiting !== undefined){
let data57 = data51.waiting;
const _errs123 = errors;
if(!((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57)))){
validate33.errors = [{instancePath:instancePath+"/usage/waiting",schemaPath:"#/definitions/TenantUsage/properties/waiting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs123){
if(typeof data57 == "number"){
if(data57 < 0 || isNaN(data57)){
validate33.errors = [{instancePath:instancePath+"/usage/waiting",schemaPath:"#/definitions/TenantUsage/properties/waiting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid14 = _errs123 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data51.sessions !== undefined){
let data58 = data51.sessions;
const _errs125 = errors;
if(!((typeof data58 == "number") && (!(data58 % 1) && !isNaN(data58)))){
validate33.errors = [{instancePath:instancePath+"/usage/sessions",schemaPath:"#/definitions/TenantUsage/properties/sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs125){
if(typeof data58 == "number"){
if(data58 < 0 || isNaN(data58)){
validate33.errors = [{instancePath:instancePath+"/usage/sessions",schemaPath:"#/definitions/TenantUsage/properties/sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid14 = _errs125 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data51.boot_ms !== undefined){
let data59 = data51.boot_ms;
const _errs127 = errors;
if(errors === _errs127){
if(typeof data59 == "number"){
if(data59 < 0 || isNaN(data59)){
validate33.errors = [{instancePath:instancePath+"/usage/boot_ms",schemaPath:"#/definitions/TenantUsage/properties/boot_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate33.errors = [{instancePath:instancePath+"/usage/boot_ms",schemaPath:"#/definitions/TenantUsage/properties/boot_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid14 = _errs127 === errors;
}
else {
var valid14 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/usage",schemaPath:"#/definitions/TenantUsage/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs109 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate33.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate33.errors = vErrors;
return errors === 0;
}

export const InitializeResult = validate42;
const schema60 = {"title":"InitializeResult","description":"Result of `daemon/initialize`: who the daemon is and what it can do.","type":"object","additionalProperties":false,"required":["protocol_version","server","isolation","capabilities","limits","tenant"],"properties":{"protocol_version":{"description":"The protocol version the daemon speaks, as MAJOR.MINOR.","type":"string"},"server":{"$ref":"#/definitions/VersionInfo"},"isolation":{"$ref":"#/definitions/IsolationInfo"},"capabilities":{"$ref":"#/definitions/Capabilities"},"limits":{"$ref":"#/definitions/LimitsInfo"},"tenant":{"$ref":"#/definitions/TenantInfo"},"network":{"$ref":"#/definitions/NetworkInfo"},"packages":{"$ref":"#/definitions/PackagesInfo"}}};

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.protocol_version === undefined) && (missing0 = "protocol_version")) || ((data.server === undefined) && (missing0 = "server"))) || ((data.isolation === undefined) && (missing0 = "isolation"))) || ((data.capabilities === undefined) && (missing0 = "capabilities"))) || ((data.limits === undefined) && (missing0 = "limits"))) || ((data.tenant === undefined) && (missing0 = "tenant"))){
validate42.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "protocol_version") || (key0 === "server")) || (key0 === "isolation")) || (key0 === "capabilities")) || (key0 === "limits")) || (key0 === "tenant")) || (key0 === "network")) || (key0 === "packages"))){
validate42.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.protocol_version !== undefined){
const _errs2 = errors;
if(typeof data.protocol_version !== "string"){
validate42.errors = [{instancePath:instancePath+"/protocol_version",schemaPath:"#/properties/protocol_version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.server !== undefined){
let data1 = data.server;
const _errs4 = errors;
const _errs5 = errors;
if(errors === _errs5){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing1;
if((((((data1.name === undefined) && (missing1 = "name")) || ((data1.woma === undefined) && (missing1 = "woma"))) || ((data1.protocol === undefined) && (missing1 = "protocol"))) || ((data1.pyodide === undefined) && (missing1 = "pyodide"))) || ((data1.bun === undefined) && (missing1 = "bun"))){
validate42.errors = [{instancePath:instancePath+"/server",schemaPath:"#/definitions/VersionInfo/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs7 = errors;
for(const key1 in data1){
if(!((((((key1 === "name") || (key1 === "woma")) || (key1 === "protocol")) || (key1 === "pyodide")) || (key1 === "python")) || (key1 === "bun"))){
validate42.errors = [{instancePath:instancePath+"/server",schemaPath:"#/definitions/VersionInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs7 === errors){
if(data1.name !== undefined){
const _errs8 = errors;
if(typeof data1.name !== "string"){
validate42.errors = [{instancePath:instancePath+"/server/name",schemaPath:"#/definitions/VersionInfo/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs8 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.woma !== undefined){
const _errs10 = errors;
if(typeof data1.woma !== "string"){
validate42.errors = [{instancePath:instancePath+"/server/woma",schemaPath:"#/definitions/VersionInfo/properties/woma/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs10 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.protocol !== undefined){
const _errs12 = errors;
if(typeof data1.protocol !== "string"){
validate42.errors = [{instancePath:instancePath+"/server/protocol",schemaPath:"#/definitions/VersionInfo/properties/protocol/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs12 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.pyodide !== undefined){
const _errs14 = errors;
if(typeof data1.pyodide !== "string"){
validate42.errors = [{instancePath:instancePath+"/server/pyodide",schemaPath:"#/definitions/VersionInfo/properties/pyodide/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs14 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.python !== undefined){
const _errs16 = errors;
if(typeof data1.python !== "string"){
validate42.errors = [{instancePath:instancePath+"/server/python",schemaPath:"#/definitions/VersionInfo/properties/python/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs16 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.bun !== undefined){
const _errs18 = errors;
if(typeof data1.bun !== "string"){
validate42.errors = [{instancePath:instancePath+"/server/bun",schemaPath:"#/definitions/VersionInfo/properties/bun/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs18 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
}
else {
validate42.errors = [{instancePath:instancePath+"/server",schemaPath:"#/definitions/VersionInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.isolation !== undefined){
const _errs20 = errors;
if(!(validate34(data.isolation, {instancePath:instancePath+"/isolation",parentData:data,parentDataProperty:"isolation",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.capabilities !== undefined){
let data9 = data.capabilities;
const _errs21 = errors;
const _errs22 = errors;
if(errors === _errs22){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing2;
if(((((data9.streaming_output === undefined) && (missing2 = "streaming_output")) || ((data9.cancellation === undefined) && (missing2 = "cancellation"))) || ((data9.fresh_interpreter === undefined) && (missing2 = "fresh_interpreter"))) || ((data9.check_complete === undefined) && (missing2 = "check_complete"))){
validate42.errors = [{instancePath:instancePath+"/capabilities",schemaPath:"#/definitions/Capabilities/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs24 = errors;
for(const key2 in data9){
if(!(func2.call(schema13.properties, key2))){
validate42.errors = [{instancePath:instancePath+"/capabilities",schemaPath:"#/definitions/Capabilities/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs24 === errors){
if(data9.streaming_output !== undefined){
const _errs25 = errors;
if(typeof data9.streaming_output !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/streaming_output",schemaPath:"#/definitions/Capabilities/properties/streaming_output/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs25 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.cancellation !== undefined){
const _errs27 = errors;
if(typeof data9.cancellation !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/cancellation",schemaPath:"#/definitions/Capabilities/properties/cancellation/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs27 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.fresh_interpreter !== undefined){
const _errs29 = errors;
if(typeof data9.fresh_interpreter !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/fresh_interpreter",schemaPath:"#/definitions/Capabilities/properties/fresh_interpreter/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs29 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.check_complete !== undefined){
const _errs31 = errors;
if(typeof data9.check_complete !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/check_complete",schemaPath:"#/definitions/Capabilities/properties/check_complete/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs31 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.tenants !== undefined){
const _errs33 = errors;
if(typeof data9.tenants !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/tenants",schemaPath:"#/definitions/Capabilities/properties/tenants/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs33 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.display_outputs !== undefined){
const _errs35 = errors;
if(typeof data9.display_outputs !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/display_outputs",schemaPath:"#/definitions/Capabilities/properties/display_outputs/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs35 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.files !== undefined){
const _errs37 = errors;
if(typeof data9.files !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/files",schemaPath:"#/definitions/Capabilities/properties/files/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs37 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.completion !== undefined){
const _errs39 = errors;
if(typeof data9.completion !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/completion",schemaPath:"#/definitions/Capabilities/properties/completion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs39 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.stdin !== undefined){
const _errs41 = errors;
if(typeof data9.stdin !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/stdin",schemaPath:"#/definitions/Capabilities/properties/stdin/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs41 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.display_updates !== undefined){
const _errs43 = errors;
if(typeof data9.display_updates !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/display_updates",schemaPath:"#/definitions/Capabilities/properties/display_updates/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs43 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.operator !== undefined){
const _errs45 = errors;
if(typeof data9.operator !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/capabilities/operator",schemaPath:"#/definitions/Capabilities/properties/operator/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs45 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate42.errors = [{instancePath:instancePath+"/capabilities",schemaPath:"#/definitions/Capabilities/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limits !== undefined){
let data21 = data.limits;
const _errs47 = errors;
const _errs48 = errors;
if(errors === _errs48){
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
let missing3;
if((((((data21.default_timeout_ms === undefined) && (missing3 = "default_timeout_ms")) || ((data21.max_output_bytes === undefined) && (missing3 = "max_output_bytes"))) || ((data21.max_message_bytes === undefined) && (missing3 = "max_message_bytes"))) || ((data21.max_queue === undefined) && (missing3 = "max_queue"))) || ((data21.memory_limit_bytes === undefined) && (missing3 = "memory_limit_bytes"))){
validate42.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/definitions/LimitsInfo/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs50 = errors;
for(const key3 in data21){
if(!(func2.call(schema52.properties, key3))){
validate42.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/definitions/LimitsInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs50 === errors){
if(data21.default_timeout_ms !== undefined){
let data22 = data21.default_timeout_ms;
const _errs51 = errors;
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
validate42.errors = [{instancePath:instancePath+"/limits/default_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/default_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs51){
if(typeof data22 == "number"){
if(data22 > 2147483647 || isNaN(data22)){
validate42.errors = [{instancePath:instancePath+"/limits/default_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/default_timeout_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data22 < 0 || isNaN(data22)){
validate42.errors = [{instancePath:instancePath+"/limits/default_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/default_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid6 = _errs51 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_output_bytes !== undefined){
let data23 = data21.max_output_bytes;
const _errs53 = errors;
if(!((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_output_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_output_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs53){
if(typeof data23 == "number"){
if(data23 < 0 || isNaN(data23)){
validate42.errors = [{instancePath:instancePath+"/limits/max_output_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_output_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs53 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_message_bytes !== undefined){
let data24 = data21.max_message_bytes;
const _errs55 = errors;
if(!((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_message_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_message_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs55){
if(typeof data24 == "number"){
if(data24 < 0 || isNaN(data24)){
validate42.errors = [{instancePath:instancePath+"/limits/max_message_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_message_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs55 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_queue !== undefined){
let data25 = data21.max_queue;
const _errs57 = errors;
if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_queue",schemaPath:"#/definitions/LimitsInfo/properties/max_queue/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs57){
if(typeof data25 == "number"){
if(data25 < 0 || isNaN(data25)){
validate42.errors = [{instancePath:instancePath+"/limits/max_queue",schemaPath:"#/definitions/LimitsInfo/properties/max_queue/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs57 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.memory_limit_bytes !== undefined){
let data26 = data21.memory_limit_bytes;
const _errs59 = errors;
if(!((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26)))){
validate42.errors = [{instancePath:instancePath+"/limits/memory_limit_bytes",schemaPath:"#/definitions/LimitsInfo/properties/memory_limit_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs59){
if(typeof data26 == "number"){
if(data26 < 0 || isNaN(data26)){
validate42.errors = [{instancePath:instancePath+"/limits/memory_limit_bytes",schemaPath:"#/definitions/LimitsInfo/properties/memory_limit_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs59 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_display_bytes !== undefined){
let data27 = data21.max_display_bytes;
const _errs61 = errors;
if(!((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_display_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_display_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs61){
if(typeof data27 == "number"){
if(data27 < 0 || isNaN(data27)){
validate42.errors = [{instancePath:instancePath+"/limits/max_display_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_display_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs61 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_displays !== undefined){
let data28 = data21.max_displays;
const _errs63 = errors;
if(!((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_displays",schemaPath:"#/definitions/LimitsInfo/properties/max_displays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs63){
if(typeof data28 == "number"){
if(data28 < 0 || isNaN(data28)){
validate42.errors = [{instancePath:instancePath+"/limits/max_displays",schemaPath:"#/definitions/LimitsInfo/properties/max_displays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs63 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_file_bytes !== undefined){
let data29 = data21.max_file_bytes;
const _errs65 = errors;
if(!((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_file_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs65){
if(typeof data29 == "number"){
if(data29 < 0 || isNaN(data29)){
validate42.errors = [{instancePath:instancePath+"/limits/max_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_file_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs65 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_runners !== undefined){
let data30 = data21.max_runners;
const _errs67 = errors;
if(!((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs67){
if(typeof data30 == "number"){
if(data30 < 0 || isNaN(data30)){
validate42.errors = [{instancePath:instancePath+"/limits/max_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs67 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_booting !== undefined){
let data31 = data21.max_booting;
const _errs69 = errors;
if(!((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_booting",schemaPath:"#/definitions/LimitsInfo/properties/max_booting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs69){
if(typeof data31 == "number"){
if(data31 < 1 || isNaN(data31)){
validate42.errors = [{instancePath:instancePath+"/limits/max_booting",schemaPath:"#/definitions/LimitsInfo/properties/max_booting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid6 = _errs69 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.admission_timeout_ms !== undefined){
let data32 = data21.admission_timeout_ms;
const _errs71 = errors;
if(!((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32)))){
validate42.errors = [{instancePath:instancePath+"/limits/admission_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/admission_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs71){
if(typeof data32 == "number"){
if(data32 < 0 || isNaN(data32)){
validate42.errors = [{instancePath:instancePath+"/limits/admission_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/admission_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs71 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.admission_queue !== undefined){
let data33 = data21.admission_queue;
const _errs73 = errors;
if(!((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33)))){
validate42.errors = [{instancePath:instancePath+"/limits/admission_queue",schemaPath:"#/definitions/LimitsInfo/properties/admission_queue/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs73){
if(typeof data33 == "number"){
if(data33 < 0 || isNaN(data33)){
validate42.errors = [{instancePath:instancePath+"/limits/admission_queue",schemaPath:"#/definitions/LimitsInfo/properties/admission_queue/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs73 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_tenant_runners !== undefined){
let data34 = data21.max_tenant_runners;
const _errs75 = errors;
if(!((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_tenant_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs75){
if(typeof data34 == "number"){
if(data34 < 1 || isNaN(data34)){
validate42.errors = [{instancePath:instancePath+"/limits/max_tenant_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid6 = _errs75 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_tenant_sessions !== undefined){
let data35 = data21.max_tenant_sessions;
const _errs77 = errors;
if(!((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_tenant_sessions",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs77){
if(typeof data35 == "number"){
if(data35 < 0 || isNaN(data35)){
validate42.errors = [{instancePath:instancePath+"/limits/max_tenant_sessions",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs77 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_tenant_file_bytes !== undefined){
let data36 = data21.max_tenant_file_bytes;
const _errs79 = errors;
if(!((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_tenant_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_file_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs79){
if(typeof data36 == "number"){
if(data36 < 0 || isNaN(data36)){
validate42.errors = [{instancePath:instancePath+"/limits/max_tenant_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_file_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs79 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.max_pending_input_bytes !== undefined){
let data37 = data21.max_pending_input_bytes;
const _errs81 = errors;
if(!((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37)))){
validate42.errors = [{instancePath:instancePath+"/limits/max_pending_input_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_pending_input_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs81){
if(typeof data37 == "number"){
if(data37 < 0 || isNaN(data37)){
validate42.errors = [{instancePath:instancePath+"/limits/max_pending_input_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_pending_input_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs81 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data21.tenant_idle_timeout_ms !== undefined){
let data38 = data21.tenant_idle_timeout_ms;
const _errs83 = errors;
if(!((typeof data38 == "number") && (!(data38 % 1) && !isNaN(data38)))){
validate42.errors = [{instancePath:instancePath+"/limits/tenant_idle_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/tenant_idle_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs83){
if(typeof data38 == "number"){
if(data38 < 0 || isNaN(data38)){
validate42.errors = [{instancePath:instancePath+"/limits/tenant_idle_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/tenant_idle_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid6 = _errs83 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate42.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/definitions/LimitsInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs47 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tenant !== undefined){
let data39 = data.tenant;
const _errs85 = errors;
const _errs86 = errors;
if(errors === _errs86){
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
let missing4;
if(((data39.name === undefined) && (missing4 = "name")) || ((data39.shared === undefined) && (missing4 = "shared"))){
validate42.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/definitions/TenantInfo/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs88 = errors;
for(const key4 in data39){
if(!((key4 === "name") || (key4 === "shared"))){
validate42.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/definitions/TenantInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs88 === errors){
if(data39.name !== undefined){
let data40 = data39.name;
const _errs89 = errors;
if((typeof data40 !== "string") && (data40 !== null)){
validate42.errors = [{instancePath:instancePath+"/tenant/name",schemaPath:"#/definitions/TenantInfo/properties/name/type",keyword:"type",params:{type: schema55.properties.name.type},message:"must be string,null"}];
return false;
}
var valid8 = _errs89 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data39.shared !== undefined){
const _errs91 = errors;
if(typeof data39.shared !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/tenant/shared",schemaPath:"#/definitions/TenantInfo/properties/shared/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid8 = _errs91 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
else {
validate42.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/definitions/TenantInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs85 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.network !== undefined){
const _errs93 = errors;
if(!(validate40(data.network, {instancePath:instancePath+"/network",parentData:data,parentDataProperty:"network",rootData}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
var valid0 = _errs93 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.packages !== undefined){
let data43 = data.packages;
const _errs94 = errors;
const _errs95 = errors;
if(errors === _errs95){
if(data43 && typeof data43 == "object" && !Array.isArray(data43)){
let missing5;
if(((((((data43.available === undefined) && (missing5 = "available")) || ((data43.source === undefined) && (missing5 = "source"))) || ((data43.on_import === undefined) && (missing5 = "on_import"))) || ((data43.index === undefined) && (missing5 = "index"))) || ((data43.preload === undefined) && (missing5 = "preload"))) || ((data43.popular === undefined) && (missing5 = "popular"))){
validate42.errors = [{instancePath:instancePath+"/packages",schemaPath:"#/definitions/PackagesInfo/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs97 = errors;
for(const key5 in data43){
if(!((((((((key5 === "available") || (key5 === "source")) || (key5 === "on_import")) || (key5 === "count")) || (key5 === "popular")) || (key5 === "index")) || (key5 === "preload")) || (key5 === "detail"))){
validate42.errors = [{instancePath:instancePath+"/packages",schemaPath:"#/definitions/PackagesInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs97 === errors){
if(data43.available !== undefined){
const _errs98 = errors;
if(typeof data43.available !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/packages/available",schemaPath:"#/definitions/PackagesInfo/properties/available/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid10 = _errs98 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data43.source !== undefined){
const _errs100 = errors;
if(typeof data43.source !== "string"){
validate42.errors = [{instancePath:instancePath+"/packages/source",schemaPath:"#/definitions/PackagesInfo/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid10 = _errs100 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data43.on_import !== undefined){
const _errs102 = errors;
if(typeof data43.on_import !== "boolean"){
validate42.errors = [{instancePath:instancePath+"/packages/on_import",schemaPath:"#/definitions/PackagesInfo/properties/on_import/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid10 = _errs102 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data43.count !== undefined){
let data47 = data43.count;
const _errs104 = errors;
if(!((typeof data47 == "number") && (!(data47 % 1) && !isNaN(data47)))){
validate42.errors = [{instancePath:instancePath+"/packages/count",schemaPath:"#/definitions/PackagesInfo/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs104){
if(typeof data47 == "number"){
if(data47 < 0 || isNaN(data47)){
validate42.errors = [{instancePath:instancePath+"/packages/count",schemaPath:"#/definitions/PackagesInfo/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid10 = _errs104 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data43.popular !== undefined){
let data48 = data43.popular;
const _errs106 = errors;
if(errors === _errs106){
if(Array.isArray(data48)){
var valid11 = true;
const len0 = data48.length;
for(let i0=0; i0<len0; i0++){
const _errs108 = errors;
if(typeof data48[i0] !== "string"){
validate42.errors = [{instancePath:instancePath+"/packages/popular/" + i0,schemaPath:"#/definitions/PackagesInfo/properties/popular/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid11 = _errs108 === errors;
if(!valid11){
break;
}
}
}
else {
validate42.errors = [{instancePath:instancePath+"/packages/popular",schemaPath:"#/definitions/PackagesInfo/properties/popular/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid10 = _errs106 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data43.index !== undefined){
let data50 = data43.index;
const _errs110 = errors;
if((typeof data50 !== "string") && (data50 !== null)){
validate42.errors = [{instancePath:instancePath+"/packages/index",schemaPath:"#/definitions/PackagesInfo/properties/index/type",keyword:"type",params:{type: schema58.properties.index.type},message:"must be string,null"}];
return false;
}
var valid10 = _errs110 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data43.preload !== undefined){
let data51 = data43.preload;
const _errs112 = errors;
if(errors === _errs112){
if(Array.isArray(data51)){
var valid12 = true;
const len1 = data51.length;
for(let i1=0; i1<len1; i1++){
const _errs114 = errors;
if(typeof data51[i1] !== "string"){
validate42.errors = [{instancePath:instancePath+"/packages/preload/" + i1,schemaPath:"#/definitions/PackagesInfo/properties/preload/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid12 = _errs114 === errors;
if(!valid12){
break;
}
}
}
else {
validate42.errors = [{instancePath:instancePath+"/packages/preload",schemaPath:"#/definitions/PackagesInfo/properties/preload/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid10 = _errs112 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data43.detail !== undefined){
const _errs116 = errors;
if(typeof data43.detail !== "string"){
validate42.errors = [{instancePath:instancePath+"/packages/detail",schemaPath:"#/definitions/PackagesInfo/properties/detail/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid10 = _errs116 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate42.errors = [{instancePath:instancePath+"/packages",schemaPath:"#/definitions/PackagesInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs94 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate42.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate42.errors = vErrors;
return errors === 0;
}

export const InputResult = validate45;
const schema66 = {"title":"InputResult","description":"@since 1.1. Result of `python/input`: the line typed.","type":"object","additionalProperties":false,"required":["value"],"properties":{"value":{"description":"The line, without its newline; null for end of input (input() then raises EOFError). An error answer counts as end of input too.","type":["string","null"],"maxLength":1048576}}};

function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.value === undefined) && (missing0 = "value")){
validate45.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "value")){
validate45.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.value !== undefined){
let data0 = data.value;
const _errs2 = errors;
if((typeof data0 !== "string") && (data0 !== null)){
validate45.errors = [{instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: schema66.properties.value.type},message:"must be string,null"}];
return false;
}
if(errors === _errs2){
if(typeof data0 === "string"){
if(func3(data0) > 1048576){
validate45.errors = [{instancePath:instancePath+"/value",schemaPath:"#/properties/value/maxLength",keyword:"maxLength",params:{limit: 1048576},message:"must NOT have more than 1048576 characters"}];
return false;
}
}
}
}
}
}
}
else {
validate45.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate45.errors = vErrors;
return errors === 0;
}

export const InspectResult = validate46;
const schema67 = {"title":"InspectResult","description":"@since 1.1. Result of `python/inspect`.","type":"object","additionalProperties":false,"required":["found"],"properties":{"found":{"description":"False when no object of that name was found; the other fields are then absent.","type":"boolean"},"name":{"description":"The dotted name inspected.","type":"string"},"type_name":{"description":"The type of the object (e.g. `builtin_function_or_method`, `module`).","type":"string"},"signature":{"description":"Its call signature (e.g. `(sep=None, maxsplit=-1)`), when it has one.","type":"string"},"docstring":{"description":"Its docstring, cleaned of indentation, cut to 20,000 characters.","type":"string"}}};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.found === undefined) && (missing0 = "found")){
validate46.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "found") || (key0 === "name")) || (key0 === "type_name")) || (key0 === "signature")) || (key0 === "docstring"))){
validate46.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.found !== undefined){
const _errs2 = errors;
if(typeof data.found !== "boolean"){
validate46.errors = [{instancePath:instancePath+"/found",schemaPath:"#/properties/found/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.name !== undefined){
const _errs4 = errors;
if(typeof data.name !== "string"){
validate46.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.type_name !== undefined){
const _errs6 = errors;
if(typeof data.type_name !== "string"){
validate46.errors = [{instancePath:instancePath+"/type_name",schemaPath:"#/properties/type_name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.signature !== undefined){
const _errs8 = errors;
if(typeof data.signature !== "string"){
validate46.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.docstring !== undefined){
const _errs10 = errors;
if(typeof data.docstring !== "string"){
validate46.errors = [{instancePath:instancePath+"/docstring",schemaPath:"#/properties/docstring/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate46.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate46.errors = vErrors;
return errors === 0;
}

export const InstalledPackage = validate47;
const schema68 = {"title":"InstalledPackage","description":"A package installed for a tenant.","type":"object","additionalProperties":false,"required":["name","version","file_name"],"properties":{"name":{"description":"Normalised distribution name.","type":"string"},"version":{"description":"Its version.","type":"string"},"file_name":{"description":"The wheel (or library archive) installed.","type":"string"}}};

function validate47(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.name === undefined) && (missing0 = "name")) || ((data.version === undefined) && (missing0 = "version"))) || ((data.file_name === undefined) && (missing0 = "file_name"))){
validate47.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "name") || (key0 === "version")) || (key0 === "file_name"))){
validate47.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.name !== undefined){
const _errs2 = errors;
if(typeof data.name !== "string"){
validate47.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.version !== undefined){
const _errs4 = errors;
if(typeof data.version !== "string"){
validate47.errors = [{instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.file_name !== undefined){
const _errs6 = errors;
if(typeof data.file_name !== "string"){
validate47.errors = [{instancePath:instancePath+"/file_name",schemaPath:"#/properties/file_name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate47.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate47.errors = vErrors;
return errors === 0;
}

export const IsolationInfo = validate48;

function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.level === undefined) && (missing0 = "level")) || ((data.detail === undefined) && (missing0 = "detail"))){
validate48.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "level") || (key0 === "detail"))){
validate48.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.level !== undefined){
let data0 = data.level;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate48.errors = [{instancePath:instancePath+"/level",schemaPath:"#/definitions/IsolationLevel/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "namespace") || (data0 === "process"))){
validate48.errors = [{instancePath:instancePath+"/level",schemaPath:"#/definitions/IsolationLevel/enum",keyword:"enum",params:{allowedValues: schema48.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.detail !== undefined){
const _errs5 = errors;
if(typeof data.detail !== "string"){
validate48.errors = [{instancePath:instancePath+"/detail",schemaPath:"#/properties/detail/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate48.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate48.errors = vErrors;
return errors === 0;
}

export const IsolationLevel = validate49;

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate49.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "namespace") || (data === "process"))){
validate49.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema48.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate49.errors = vErrors;
return errors === 0;
}

export const LimitsInfo = validate50;

function validate50(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.default_timeout_ms === undefined) && (missing0 = "default_timeout_ms")) || ((data.max_output_bytes === undefined) && (missing0 = "max_output_bytes"))) || ((data.max_message_bytes === undefined) && (missing0 = "max_message_bytes"))) || ((data.max_queue === undefined) && (missing0 = "max_queue"))) || ((data.memory_limit_bytes === undefined) && (missing0 = "memory_limit_bytes"))){
validate50.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema52.properties, key0))){
validate50.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.default_timeout_ms !== undefined){
let data0 = data.default_timeout_ms;
const _errs2 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate50.errors = [{instancePath:instancePath+"/default_timeout_ms",schemaPath:"#/properties/default_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if(typeof data0 == "number"){
if(data0 > 2147483647 || isNaN(data0)){
validate50.errors = [{instancePath:instancePath+"/default_timeout_ms",schemaPath:"#/properties/default_timeout_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate50.errors = [{instancePath:instancePath+"/default_timeout_ms",schemaPath:"#/properties/default_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_output_bytes !== undefined){
let data1 = data.max_output_bytes;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate50.errors = [{instancePath:instancePath+"/max_output_bytes",schemaPath:"#/properties/max_output_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate50.errors = [{instancePath:instancePath+"/max_output_bytes",schemaPath:"#/properties/max_output_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_message_bytes !== undefined){
let data2 = data.max_message_bytes;
const _errs6 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate50.errors = [{instancePath:instancePath+"/max_message_bytes",schemaPath:"#/properties/max_message_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate50.errors = [{instancePath:instancePath+"/max_message_bytes",schemaPath:"#/properties/max_message_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_queue !== undefined){
let data3 = data.max_queue;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate50.errors = [{instancePath:instancePath+"/max_queue",schemaPath:"#/properties/max_queue/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate50.errors = [{instancePath:instancePath+"/max_queue",schemaPath:"#/properties/max_queue/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.memory_limit_bytes !== undefined){
let data4 = data.memory_limit_bytes;
const _errs10 = errors;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
validate50.errors = [{instancePath:instancePath+"/memory_limit_bytes",schemaPath:"#/properties/memory_limit_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
validate50.errors = [{instancePath:instancePath+"/memory_limit_bytes",schemaPath:"#/properties/memory_limit_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_display_bytes !== undefined){
let data5 = data.max_display_bytes;
const _errs12 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate50.errors = [{instancePath:instancePath+"/max_display_bytes",schemaPath:"#/properties/max_display_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs12){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate50.errors = [{instancePath:instancePath+"/max_display_bytes",schemaPath:"#/properties/max_display_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_displays !== undefined){
let data6 = data.max_displays;
const _errs14 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate50.errors = [{instancePath:instancePath+"/max_displays",schemaPath:"#/properties/max_displays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate50.errors = [{instancePath:instancePath+"/max_displays",schemaPath:"#/properties/max_displays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_file_bytes !== undefined){
let data7 = data.max_file_bytes;
const _errs16 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate50.errors = [{instancePath:instancePath+"/max_file_bytes",schemaPath:"#/properties/max_file_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate50.errors = [{instancePath:instancePath+"/max_file_bytes",schemaPath:"#/properties/max_file_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_runners !== undefined){
let data8 = data.max_runners;
const _errs18 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate50.errors = [{instancePath:instancePath+"/max_runners",schemaPath:"#/properties/max_runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate50.errors = [{instancePath:instancePath+"/max_runners",schemaPath:"#/properties/max_runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_booting !== undefined){
let data9 = data.max_booting;
const _errs20 = errors;
if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){
validate50.errors = [{instancePath:instancePath+"/max_booting",schemaPath:"#/properties/max_booting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs20){
if(typeof data9 == "number"){
if(data9 < 1 || isNaN(data9)){
validate50.errors = [{instancePath:instancePath+"/max_booting",schemaPath:"#/properties/max_booting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.admission_timeout_ms !== undefined){
let data10 = data.admission_timeout_ms;
const _errs22 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate50.errors = [{instancePath:instancePath+"/admission_timeout_ms",schemaPath:"#/properties/admission_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs22){
if(typeof data10 == "number"){
if(data10 < 0 || isNaN(data10)){
validate50.errors = [{instancePath:instancePath+"/admission_timeout_ms",schemaPath:"#/properties/admission_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.admission_queue !== undefined){
let data11 = data.admission_queue;
const _errs24 = errors;
if(!((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11)))){
validate50.errors = [{instancePath:instancePath+"/admission_queue",schemaPath:"#/properties/admission_queue/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs24){
if(typeof data11 == "number"){
if(data11 < 0 || isNaN(data11)){
validate50.errors = [{instancePath:instancePath+"/admission_queue",schemaPath:"#/properties/admission_queue/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_tenant_runners !== undefined){
let data12 = data.max_tenant_runners;
const _errs26 = errors;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
validate50.errors = [{instancePath:instancePath+"/max_tenant_runners",schemaPath:"#/properties/max_tenant_runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs26){
if(typeof data12 == "number"){
if(data12 < 1 || isNaN(data12)){
validate50.errors = [{instancePath:instancePath+"/max_tenant_runners",schemaPath:"#/properties/max_tenant_runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_tenant_sessions !== undefined){
let data13 = data.max_tenant_sessions;
const _errs28 = errors;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
validate50.errors = [{instancePath:instancePath+"/max_tenant_sessions",schemaPath:"#/properties/max_tenant_sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs28){
if(typeof data13 == "number"){
if(data13 < 0 || isNaN(data13)){
validate50.errors = [{instancePath:instancePath+"/max_tenant_sessions",schemaPath:"#/properties/max_tenant_sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs28 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_tenant_file_bytes !== undefined){
let data14 = data.max_tenant_file_bytes;
const _errs30 = errors;
if(!((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14)))){
validate50.errors = [{instancePath:instancePath+"/max_tenant_file_bytes",schemaPath:"#/properties/max_tenant_file_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs30){
if(typeof data14 == "number"){
if(data14 < 0 || isNaN(data14)){
validate50.errors = [{instancePath:instancePath+"/max_tenant_file_bytes",schemaPath:"#/properties/max_tenant_file_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs30 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_pending_input_bytes !== undefined){
let data15 = data.max_pending_input_bytes;
const _errs32 = errors;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
validate50.errors = [{instancePath:instancePath+"/max_pending_input_bytes",schemaPath:"#/properties/max_pending_input_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs32){
if(typeof data15 == "number"){
if(data15 < 0 || isNaN(data15)){
validate50.errors = [{instancePath:instancePath+"/max_pending_input_bytes",schemaPath:"#/properties/max_pending_input_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tenant_idle_timeout_ms !== undefined){
let data16 = data.tenant_idle_timeout_ms;
const _errs34 = errors;
if(!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))){
validate50.errors = [{instancePath:instancePath+"/tenant_idle_timeout_ms",schemaPath:"#/properties/tenant_idle_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs34){
if(typeof data16 == "number"){
if(data16 < 0 || isNaN(data16)){
validate50.errors = [{instancePath:instancePath+"/tenant_idle_timeout_ms",schemaPath:"#/properties/tenant_idle_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs34 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate50.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate50.errors = vErrors;
return errors === 0;
}

export const MetricFamily = validate51;
const schema73 = {"title":"MetricFamily","description":"@since 1.3. A metric family: its name, help, type and samples, in prom-client's JSON form, ready for an exposition in Prometheus's text format or OpenMetrics.","type":"object","additionalProperties":false,"required":["name","help","type","values"],"properties":{"name":{"description":"The family's name as the Prometheus text format spells it (a counter's ends in `_total`), e.g. `woma_runs_total`.","type":"string","pattern":"^[a-zA-Z_:][a-zA-Z0-9_:]*$"},"help":{"description":"What the family measures, in a sentence, with its unit.","type":"string"},"type":{"description":"`counter` (only grows), `gauge` (a level now), `histogram` (observations counted in buckets) or `summary`. The enum may grow.","type":"string","enum":["counter","gauge","histogram","summary"]},"values":{"description":"The samples.","type":"array","items":{"$ref":"#/definitions/MetricSample"}},"aggregator":{"description":"How samples of several registries combine (`sum` for every family woma makes).","type":"string"}}};
const schema74 = {"title":"MetricSample","description":"@since 1.3. One sample of a metric family: a value and its labels, in prom-client's JSON form (the form `Registry.getMetricsAsJSON()` gives and `AggregatorRegistry.aggregate()` takes).","type":"object","additionalProperties":false,"required":["value","labels"],"properties":{"value":{"description":"The sample's value: a count, a number of seconds or bytes, or a gauge's level.","type":"number"},"labels":{"description":"The sample's labels by name (`le` for a histogram bucket, `+Inf` for the last). Empty for a family without labels. Never a tenant's name, a session's name or code.","type":"object","additionalProperties":{"type":["string","number"]}},"metricName":{"description":"The sample's own name when it differs from the family's: `NAME_bucket`, `NAME_sum` and `NAME_count` of a histogram.","type":"string","pattern":"^[a-zA-Z_:][a-zA-Z0-9_:]*$"}}};
const pattern5 = new RegExp("^[a-zA-Z_:][a-zA-Z0-9_:]*$", "u");

function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.name === undefined) && (missing0 = "name")) || ((data.help === undefined) && (missing0 = "help"))) || ((data.type === undefined) && (missing0 = "type"))) || ((data.values === undefined) && (missing0 = "values"))){
validate51.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "help")) || (key0 === "type")) || (key0 === "values")) || (key0 === "aggregator"))){
validate51.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.name !== undefined){
let data0 = data.name;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern5.test(data0)){
validate51.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$"},message:"must match pattern \""+"^[a-zA-Z_:][a-zA-Z0-9_:]*$"+"\""}];
return false;
}
}
else {
validate51.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.help !== undefined){
const _errs4 = errors;
if(typeof data.help !== "string"){
validate51.errors = [{instancePath:instancePath+"/help",schemaPath:"#/properties/help/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.type !== undefined){
let data2 = data.type;
const _errs6 = errors;
if(typeof data2 !== "string"){
validate51.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data2 === "counter") || (data2 === "gauge")) || (data2 === "histogram")) || (data2 === "summary"))){
validate51.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema73.properties.type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.values !== undefined){
let data3 = data.values;
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data3)){
var valid1 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if(((data4.value === undefined) && (missing1 = "value")) || ((data4.labels === undefined) && (missing1 = "labels"))){
validate51.errors = [{instancePath:instancePath+"/values/" + i0,schemaPath:"#/definitions/MetricSample/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs13 = errors;
for(const key1 in data4){
if(!(((key1 === "value") || (key1 === "labels")) || (key1 === "metricName"))){
validate51.errors = [{instancePath:instancePath+"/values/" + i0,schemaPath:"#/definitions/MetricSample/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs13 === errors){
if(data4.value !== undefined){
const _errs14 = errors;
if(!(typeof data4.value == "number")){
validate51.errors = [{instancePath:instancePath+"/values/" + i0+"/value",schemaPath:"#/definitions/MetricSample/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs14 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.labels !== undefined){
let data6 = data4.labels;
const _errs16 = errors;
if(errors === _errs16){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key2 in data6){
let data7 = data6[key2];
const _errs19 = errors;
if((typeof data7 !== "string") && (!(typeof data7 == "number"))){
validate51.errors = [{instancePath:instancePath+"/values/" + i0+"/labels/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/MetricSample/properties/labels/additionalProperties/type",keyword:"type",params:{type: schema74.properties.labels.additionalProperties.type},message:"must be string,number"}];
return false;
}
var valid4 = _errs19 === errors;
if(!valid4){
break;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/values/" + i0+"/labels",schemaPath:"#/definitions/MetricSample/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.metricName !== undefined){
let data8 = data4.metricName;
const _errs21 = errors;
if(errors === _errs21){
if(typeof data8 === "string"){
if(!pattern5.test(data8)){
validate51.errors = [{instancePath:instancePath+"/values/" + i0+"/metricName",schemaPath:"#/definitions/MetricSample/properties/metricName/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$"},message:"must match pattern \""+"^[a-zA-Z_:][a-zA-Z0-9_:]*$"+"\""}];
return false;
}
}
else {
validate51.errors = [{instancePath:instancePath+"/values/" + i0+"/metricName",schemaPath:"#/definitions/MetricSample/properties/metricName/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs21 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/values/" + i0,schemaPath:"#/definitions/MetricSample/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs10 === errors;
if(!valid1){
break;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/values",schemaPath:"#/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.aggregator !== undefined){
const _errs23 = errors;
if(typeof data.aggregator !== "string"){
validate51.errors = [{instancePath:instancePath+"/aggregator",schemaPath:"#/properties/aggregator/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate51.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate51.errors = vErrors;
return errors === 0;
}

export const MetricSample = validate52;

function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.value === undefined) && (missing0 = "value")) || ((data.labels === undefined) && (missing0 = "labels"))){
validate52.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "value") || (key0 === "labels")) || (key0 === "metricName"))){
validate52.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.value !== undefined){
const _errs2 = errors;
if(!(typeof data.value == "number")){
validate52.errors = [{instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.labels !== undefined){
let data1 = data.labels;
const _errs4 = errors;
if(errors === _errs4){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
let data2 = data1[key1];
const _errs7 = errors;
if((typeof data2 !== "string") && (!(typeof data2 == "number"))){
validate52.errors = [{instancePath:instancePath+"/labels/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/labels/additionalProperties/type",keyword:"type",params:{type: schema74.properties.labels.additionalProperties.type},message:"must be string,number"}];
return false;
}
var valid1 = _errs7 === errors;
if(!valid1){
break;
}
}
}
else {
validate52.errors = [{instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metricName !== undefined){
let data3 = data.metricName;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data3 === "string"){
if(!pattern5.test(data3)){
validate52.errors = [{instancePath:instancePath+"/metricName",schemaPath:"#/properties/metricName/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$"},message:"must match pattern \""+"^[a-zA-Z_:][a-zA-Z0-9_:]*$"+"\""}];
return false;
}
}
else {
validate52.errors = [{instancePath:instancePath+"/metricName",schemaPath:"#/properties/metricName/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate52.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate52.errors = vErrors;
return errors === 0;
}

export const MetricsResult = validate53;
const schema76 = {"title":"MetricsResult","description":"@since 1.3. Result of `daemon/metrics`: the daemon's figures over every tenant, for an operator's `/metrics` endpoint. It names no tenant, session or code: only counts, levels and durations. The families may grow.","type":"object","additionalProperties":false,"required":["metrics"],"properties":{"metrics":{"description":"The metric families: `woma_runs_total` (runs started, whatever their outcome), `woma_run_duration_seconds` (by outcome), `woma_runners` (by state and role), `woma_runners_memory_bytes`, `woma_tenants`, `woma_sessions` (by state), `woma_queue_depth`, `woma_runner_boot_duration_seconds` (by outcome), `woma_broker_requests_total` and `woma_broker_request_duration_seconds` (by outcome), `woma_broker_refusals_total`; @since 1.3 too, the admission figures: `woma_admission_queue_depth`, `woma_boots_in_flight`, `woma_boots_killed_total`, `woma_spares`, `woma_spares_target`, `woma_refusals_total` (by the bound named).","type":"array","items":{"$ref":"#/definitions/MetricFamily"}}}};

function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.name === undefined) && (missing0 = "name")) || ((data.help === undefined) && (missing0 = "help"))) || ((data.type === undefined) && (missing0 = "type"))) || ((data.values === undefined) && (missing0 = "values"))){
validate54.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "help")) || (key0 === "type")) || (key0 === "values")) || (key0 === "aggregator"))){
validate54.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.name !== undefined){
let data0 = data.name;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern5.test(data0)){
validate54.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$"},message:"must match pattern \""+"^[a-zA-Z_:][a-zA-Z0-9_:]*$"+"\""}];
return false;
}
}
else {
validate54.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.help !== undefined){
const _errs4 = errors;
if(typeof data.help !== "string"){
validate54.errors = [{instancePath:instancePath+"/help",schemaPath:"#/properties/help/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.type !== undefined){
let data2 = data.type;
const _errs6 = errors;
if(typeof data2 !== "string"){
validate54.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data2 === "counter") || (data2 === "gauge")) || (data2 === "histogram")) || (data2 === "summary"))){
validate54.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema73.properties.type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.values !== undefined){
let data3 = data.values;
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data3)){
var valid1 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if(((data4.value === undefined) && (missing1 = "value")) || ((data4.labels === undefined) && (missing1 = "labels"))){
validate54.errors = [{instancePath:instancePath+"/values/" + i0,schemaPath:"#/definitions/MetricSample/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs13 = errors;
for(const key1 in data4){
if(!(((key1 === "value") || (key1 === "labels")) || (key1 === "metricName"))){
validate54.errors = [{instancePath:instancePath+"/values/" + i0,schemaPath:"#/definitions/MetricSample/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs13 === errors){
if(data4.value !== undefined){
const _errs14 = errors;
if(!(typeof data4.value == "number")){
validate54.errors = [{instancePath:instancePath+"/values/" + i0+"/value",schemaPath:"#/definitions/MetricSample/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid3 = _errs14 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.labels !== undefined){
let data6 = data4.labels;
const _errs16 = errors;
if(errors === _errs16){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key2 in data6){
let data7 = data6[key2];
const _errs19 = errors;
if((typeof data7 !== "string") && (!(typeof data7 == "number"))){
validate54.errors = [{instancePath:instancePath+"/values/" + i0+"/labels/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/MetricSample/properties/labels/additionalProperties/type",keyword:"type",params:{type: schema74.properties.labels.additionalProperties.type},message:"must be string,number"}];
return false;
}
var valid4 = _errs19 === errors;
if(!valid4){
break;
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/values/" + i0+"/labels",schemaPath:"#/definitions/MetricSample/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.metricName !== undefined){
let data8 = data4.metricName;
const _errs21 = errors;
if(errors === _errs21){
if(typeof data8 === "string"){
if(!pattern5.test(data8)){
validate54.errors = [{instancePath:instancePath+"/values/" + i0+"/metricName",schemaPath:"#/definitions/MetricSample/properties/metricName/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$"},message:"must match pattern \""+"^[a-zA-Z_:][a-zA-Z0-9_:]*$"+"\""}];
return false;
}
}
else {
validate54.errors = [{instancePath:instancePath+"/values/" + i0+"/metricName",schemaPath:"#/definitions/MetricSample/properties/metricName/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs21 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/values/" + i0,schemaPath:"#/definitions/MetricSample/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs10 === errors;
if(!valid1){
break;
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/values",schemaPath:"#/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.aggregator !== undefined){
const _errs23 = errors;
if(typeof data.aggregator !== "string"){
validate54.errors = [{instancePath:instancePath+"/aggregator",schemaPath:"#/properties/aggregator/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate54.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate54.errors = vErrors;
return errors === 0;
}


function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.metrics === undefined) && (missing0 = "metrics")){
validate53.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "metrics")){
validate53.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.metrics !== undefined){
let data0 = data.metrics;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs4 = errors;
if(!(validate54(data0[i0], {instancePath:instancePath+"/metrics/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate53.errors = [{instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
}
}
}
}
else {
validate53.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate53.errors = vErrors;
return errors === 0;
}

export const MimeBundle = validate56;

function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data["text/plain"] === undefined) && (missing0 = "text/plain")){
validate56.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
for(const key0 in data){
const _errs1 = errors;
if(typeof key0 === "string"){
if(!pattern2.test(key0)){
const err0 = {instancePath,schemaPath:"#/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},message:"must match pattern \""+"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"+"\"",propertyName:key0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var valid0 = _errs1 === errors;
if(!valid0){
const err1 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate56.errors = vErrors;
return false;
break;
}
}
if(valid0){
for(const key1 in data){
const _errs3 = errors;
if(typeof data[key1] !== "string"){
validate56.errors = [{instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
}
}
else {
validate56.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate56.errors = vErrors;
return errors === 0;
}

export const NetMode = validate57;

function validate57(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate57.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "off") || (data === "public")) || (data === "all"))){
validate57.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema57.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate57.errors = vErrors;
return errors === 0;
}

export const NetworkInfo = validate58;

function validate58(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.mode === undefined) && (missing0 = "mode")) || ((data.allow === undefined) && (missing0 = "allow"))) || ((data.deny === undefined) && (missing0 = "deny"))) || ((data.max_response_bytes === undefined) && (missing0 = "max_response_bytes"))){
validate58.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "mode") || (key0 === "allow")) || (key0 === "deny")) || (key0 === "max_response_bytes"))){
validate58.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.mode !== undefined){
let data0 = data.mode;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate58.errors = [{instancePath:instancePath+"/mode",schemaPath:"#/definitions/NetMode/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "off") || (data0 === "public")) || (data0 === "all"))){
validate58.errors = [{instancePath:instancePath+"/mode",schemaPath:"#/definitions/NetMode/enum",keyword:"enum",params:{allowedValues: schema57.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.allow !== undefined){
let data1 = data.allow;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data1)){
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs7 = errors;
if(typeof data1[i0] !== "string"){
validate58.errors = [{instancePath:instancePath+"/allow/" + i0,schemaPath:"#/properties/allow/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs7 === errors;
if(!valid2){
break;
}
}
}
else {
validate58.errors = [{instancePath:instancePath+"/allow",schemaPath:"#/properties/allow/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.deny !== undefined){
let data3 = data.deny;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data3)){
var valid3 = true;
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
const _errs11 = errors;
if(typeof data3[i1] !== "string"){
validate58.errors = [{instancePath:instancePath+"/deny/" + i1,schemaPath:"#/properties/deny/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs11 === errors;
if(!valid3){
break;
}
}
}
else {
validate58.errors = [{instancePath:instancePath+"/deny",schemaPath:"#/properties/deny/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_response_bytes !== undefined){
let data5 = data.max_response_bytes;
const _errs13 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate58.errors = [{instancePath:instancePath+"/max_response_bytes",schemaPath:"#/properties/max_response_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs13){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate58.errors = [{instancePath:instancePath+"/max_response_bytes",schemaPath:"#/properties/max_response_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate58.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate58.errors = vErrors;
return errors === 0;
}

export const OutputNotification = validate59;
const schema83 = {"title":"OutputNotification","description":"`python/output`: output of a run while it is going. The whole output also arrives in the result.","type":"object","additionalProperties":false,"required":["run_id","stream","text"],"properties":{"run_id":{"$ref":"#/definitions/RunId"},"session_id":{"description":"The session of the run, or null for a run in fresh globals.","anyOf":[{"$ref":"#/definitions/SessionId"},{"type":"null"}]},"stream":{"$ref":"#/definitions/Stream","description":"Which stream the text was written to."},"text":{"description":"The text, in the order it was written.","type":"string"}}};
const schema86 = {"title":"Stream","description":"An output stream of a run: `stdout` or `stderr`.","type":"string","enum":["stdout","stderr"]};

function validate59(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.run_id === undefined) && (missing0 = "run_id")) || ((data.stream === undefined) && (missing0 = "stream"))) || ((data.text === undefined) && (missing0 = "text"))){
validate59.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "run_id") || (key0 === "session_id")) || (key0 === "stream")) || (key0 === "text"))){
validate59.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.run_id !== undefined){
let data0 = data.run_id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate59.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate59.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.session_id !== undefined){
let data1 = data.session_id;
const _errs5 = errors;
const _errs6 = errors;
let valid2 = false;
const _errs7 = errors;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err0 = {instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs10 = errors;
if(data1 !== null){
const err2 = {instancePath:instancePath+"/session_id",schemaPath:"#/properties/session_id/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err3 = {instancePath:instancePath+"/session_id",schemaPath:"#/properties/session_id/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate59.errors = vErrors;
return false;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stream !== undefined){
let data2 = data.stream;
const _errs12 = errors;
if(typeof data2 !== "string"){
validate59.errors = [{instancePath:instancePath+"/stream",schemaPath:"#/definitions/Stream/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data2 === "stdout") || (data2 === "stderr"))){
validate59.errors = [{instancePath:instancePath+"/stream",schemaPath:"#/definitions/Stream/enum",keyword:"enum",params:{allowedValues: schema86.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.text !== undefined){
const _errs15 = errors;
if(typeof data.text !== "string"){
validate59.errors = [{instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate59.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate59.errors = vErrors;
return errors === 0;
}

export const PackagesInfo = validate60;

function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.available === undefined) && (missing0 = "available")) || ((data.source === undefined) && (missing0 = "source"))) || ((data.on_import === undefined) && (missing0 = "on_import"))) || ((data.index === undefined) && (missing0 = "index"))) || ((data.preload === undefined) && (missing0 = "preload"))) || ((data.popular === undefined) && (missing0 = "popular"))){
validate60.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "available") || (key0 === "source")) || (key0 === "on_import")) || (key0 === "count")) || (key0 === "popular")) || (key0 === "index")) || (key0 === "preload")) || (key0 === "detail"))){
validate60.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.available !== undefined){
const _errs2 = errors;
if(typeof data.available !== "boolean"){
validate60.errors = [{instancePath:instancePath+"/available",schemaPath:"#/properties/available/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.source !== undefined){
const _errs4 = errors;
if(typeof data.source !== "string"){
validate60.errors = [{instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.on_import !== undefined){
const _errs6 = errors;
if(typeof data.on_import !== "boolean"){
validate60.errors = [{instancePath:instancePath+"/on_import",schemaPath:"#/properties/on_import/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.count !== undefined){
let data3 = data.count;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate60.errors = [{instancePath:instancePath+"/count",schemaPath:"#/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate60.errors = [{instancePath:instancePath+"/count",schemaPath:"#/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.popular !== undefined){
let data4 = data.popular;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data4)){
var valid1 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs12 = errors;
if(typeof data4[i0] !== "string"){
validate60.errors = [{instancePath:instancePath+"/popular/" + i0,schemaPath:"#/properties/popular/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs12 === errors;
if(!valid1){
break;
}
}
}
else {
validate60.errors = [{instancePath:instancePath+"/popular",schemaPath:"#/properties/popular/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.index !== undefined){
let data6 = data.index;
const _errs14 = errors;
if((typeof data6 !== "string") && (data6 !== null)){
validate60.errors = [{instancePath:instancePath+"/index",schemaPath:"#/properties/index/type",keyword:"type",params:{type: schema58.properties.index.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.preload !== undefined){
let data7 = data.preload;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data7)){
var valid2 = true;
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
const _errs18 = errors;
if(typeof data7[i1] !== "string"){
validate60.errors = [{instancePath:instancePath+"/preload/" + i1,schemaPath:"#/properties/preload/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs18 === errors;
if(!valid2){
break;
}
}
}
else {
validate60.errors = [{instancePath:instancePath+"/preload",schemaPath:"#/properties/preload/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.detail !== undefined){
const _errs20 = errors;
if(typeof data.detail !== "string"){
validate60.errors = [{instancePath:instancePath+"/detail",schemaPath:"#/properties/detail/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate60.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate60.errors = vErrors;
return errors === 0;
}

export const PackagesInstallResult = validate61;
const schema88 = {"title":"PackagesInstallResult","description":"@since 1.1. Result of `packages/install`.","type":"object","additionalProperties":false,"required":["installed"],"properties":{"installed":{"description":"Everything the requirements resolved to, dependencies included, in install order.","type":"array","items":{"$ref":"#/definitions/InstalledPackage"}}}};

function validate61(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.installed === undefined) && (missing0 = "installed")){
validate61.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "installed")){
validate61.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.installed !== undefined){
let data0 = data.installed;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs4 = errors;
const _errs5 = errors;
if(errors === _errs5){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing1;
if((((data1.name === undefined) && (missing1 = "name")) || ((data1.version === undefined) && (missing1 = "version"))) || ((data1.file_name === undefined) && (missing1 = "file_name"))){
validate61.errors = [{instancePath:instancePath+"/installed/" + i0,schemaPath:"#/definitions/InstalledPackage/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs7 = errors;
for(const key1 in data1){
if(!(((key1 === "name") || (key1 === "version")) || (key1 === "file_name"))){
validate61.errors = [{instancePath:instancePath+"/installed/" + i0,schemaPath:"#/definitions/InstalledPackage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs7 === errors){
if(data1.name !== undefined){
const _errs8 = errors;
if(typeof data1.name !== "string"){
validate61.errors = [{instancePath:instancePath+"/installed/" + i0+"/name",schemaPath:"#/definitions/InstalledPackage/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs8 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data1.version !== undefined){
const _errs10 = errors;
if(typeof data1.version !== "string"){
validate61.errors = [{instancePath:instancePath+"/installed/" + i0+"/version",schemaPath:"#/definitions/InstalledPackage/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs10 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data1.file_name !== undefined){
const _errs12 = errors;
if(typeof data1.file_name !== "string"){
validate61.errors = [{instancePath:instancePath+"/installed/" + i0+"/file_name",schemaPath:"#/definitions/InstalledPackage/properties/file_name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs12 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
else {
validate61.errors = [{instancePath:instancePath+"/installed/" + i0,schemaPath:"#/definitions/InstalledPackage/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate61.errors = [{instancePath:instancePath+"/installed",schemaPath:"#/properties/installed/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
}
}
}
}
else {
validate61.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate61.errors = vErrors;
return errors === 0;
}

export const PackagesListResult = validate62;
const schema90 = {"title":"PackagesListResult","description":"@since 1.1. Result of `packages/list`: what Pyodide's distribution offers, and what the calling tenant installed.","type":"object","additionalProperties":false,"required":["source","available","installed"],"properties":{"source":{"description":"Where packages come from (Pyodide's CDN, a mirror URL or directory).","type":"string"},"available":{"description":"Every package of the distribution's lock. A run that imports one of its modules loads it first.","type":"array","items":{"type":"object","additionalProperties":false,"required":["name","version","imports","cached"],"properties":{"name":{"description":"Normalised distribution name.","type":"string"},"version":{"description":"Its version.","type":"string"},"imports":{"description":"The top-level modules it provides.","type":"array","items":{"type":"string"}},"cached":{"description":"True when its file is in the daemon's cache, so it loads without the network.","type":"boolean"}}}},"installed":{"description":"Packages installed for the calling tenant with `packages/install` or `micropip.install`.","type":"array","items":{"$ref":"#/definitions/InstalledPackage"}}}};

function validate62(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.source === undefined) && (missing0 = "source")) || ((data.available === undefined) && (missing0 = "available"))) || ((data.installed === undefined) && (missing0 = "installed"))){
validate62.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "source") || (key0 === "available")) || (key0 === "installed"))){
validate62.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.source !== undefined){
const _errs2 = errors;
if(typeof data.source !== "string"){
validate62.errors = [{instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.available !== undefined){
let data1 = data.available;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if(((((data2.name === undefined) && (missing1 = "name")) || ((data2.version === undefined) && (missing1 = "version"))) || ((data2.imports === undefined) && (missing1 = "imports"))) || ((data2.cached === undefined) && (missing1 = "cached"))){
validate62.errors = [{instancePath:instancePath+"/available/" + i0,schemaPath:"#/properties/available/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs8 = errors;
for(const key1 in data2){
if(!((((key1 === "name") || (key1 === "version")) || (key1 === "imports")) || (key1 === "cached"))){
validate62.errors = [{instancePath:instancePath+"/available/" + i0,schemaPath:"#/properties/available/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs8 === errors){
if(data2.name !== undefined){
const _errs9 = errors;
if(typeof data2.name !== "string"){
validate62.errors = [{instancePath:instancePath+"/available/" + i0+"/name",schemaPath:"#/properties/available/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.version !== undefined){
const _errs11 = errors;
if(typeof data2.version !== "string"){
validate62.errors = [{instancePath:instancePath+"/available/" + i0+"/version",schemaPath:"#/properties/available/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.imports !== undefined){
let data5 = data2.imports;
const _errs13 = errors;
if(errors === _errs13){
if(Array.isArray(data5)){
var valid3 = true;
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
const _errs15 = errors;
if(typeof data5[i1] !== "string"){
validate62.errors = [{instancePath:instancePath+"/available/" + i0+"/imports/" + i1,schemaPath:"#/properties/available/items/properties/imports/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs15 === errors;
if(!valid3){
break;
}
}
}
else {
validate62.errors = [{instancePath:instancePath+"/available/" + i0+"/imports",schemaPath:"#/properties/available/items/properties/imports/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.cached !== undefined){
const _errs17 = errors;
if(typeof data2.cached !== "boolean"){
validate62.errors = [{instancePath:instancePath+"/available/" + i0+"/cached",schemaPath:"#/properties/available/items/properties/cached/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid2 = _errs17 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
else {
validate62.errors = [{instancePath:instancePath+"/available/" + i0,schemaPath:"#/properties/available/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs6 === errors;
if(!valid1){
break;
}
}
}
else {
validate62.errors = [{instancePath:instancePath+"/available",schemaPath:"#/properties/available/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.installed !== undefined){
let data8 = data.installed;
const _errs19 = errors;
if(errors === _errs19){
if(Array.isArray(data8)){
var valid4 = true;
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
const _errs21 = errors;
const _errs22 = errors;
if(errors === _errs22){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing2;
if((((data9.name === undefined) && (missing2 = "name")) || ((data9.version === undefined) && (missing2 = "version"))) || ((data9.file_name === undefined) && (missing2 = "file_name"))){
validate62.errors = [{instancePath:instancePath+"/installed/" + i2,schemaPath:"#/definitions/InstalledPackage/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs24 = errors;
for(const key2 in data9){
if(!(((key2 === "name") || (key2 === "version")) || (key2 === "file_name"))){
validate62.errors = [{instancePath:instancePath+"/installed/" + i2,schemaPath:"#/definitions/InstalledPackage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs24 === errors){
if(data9.name !== undefined){
const _errs25 = errors;
if(typeof data9.name !== "string"){
validate62.errors = [{instancePath:instancePath+"/installed/" + i2+"/name",schemaPath:"#/definitions/InstalledPackage/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs25 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data9.version !== undefined){
const _errs27 = errors;
if(typeof data9.version !== "string"){
validate62.errors = [{instancePath:instancePath+"/installed/" + i2+"/version",schemaPath:"#/definitions/InstalledPackage/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data9.file_name !== undefined){
const _errs29 = errors;
if(typeof data9.file_name !== "string"){
validate62.errors = [{instancePath:instancePath+"/installed/" + i2+"/file_name",schemaPath:"#/definitions/InstalledPackage/properties/file_name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs29 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
else {
validate62.errors = [{instancePath:instancePath+"/installed/" + i2,schemaPath:"#/definitions/InstalledPackage/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid4 = _errs21 === errors;
if(!valid4){
break;
}
}
}
else {
validate62.errors = [{instancePath:instancePath+"/installed",schemaPath:"#/properties/installed/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate62.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate62.errors = vErrors;
return errors === 0;
}

export const PackagesProgressNotification = validate63;
const schema92 = {"title":"PackagesProgressNotification","description":"`packages/progress`: @since 1.1. A package file is being downloaded for the client's `packages/install`, or for an import in one of its runs. Sent at most a few times a second per file, and once when the file is done. Files already cached report nothing.","type":"object","additionalProperties":false,"required":["run_id","package","file_name","done_bytes","total_bytes","done"],"properties":{"run_id":{"description":"The run whose import needs the file, or null for `packages/install`.","anyOf":[{"$ref":"#/definitions/RunId"},{"type":"null"}]},"package":{"description":"The package (or requirement) the file is for.","type":"string"},"file_name":{"description":"The file being downloaded.","type":"string"},"done_bytes":{"description":"Bytes received so far.","type":"integer","minimum":0},"total_bytes":{"description":"The file's size when the source said it, else null.","type":["integer","null"],"minimum":0},"done":{"description":"True on the last notification for this file: it is verified and cached.","type":"boolean"}}};

function validate63(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.run_id === undefined) && (missing0 = "run_id")) || ((data.package === undefined) && (missing0 = "package"))) || ((data.file_name === undefined) && (missing0 = "file_name"))) || ((data.done_bytes === undefined) && (missing0 = "done_bytes"))) || ((data.total_bytes === undefined) && (missing0 = "total_bytes"))) || ((data.done === undefined) && (missing0 = "done"))){
validate63.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "run_id") || (key0 === "package")) || (key0 === "file_name")) || (key0 === "done_bytes")) || (key0 === "total_bytes")) || (key0 === "done"))){
validate63.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.run_id !== undefined){
let data0 = data.run_id;
const _errs2 = errors;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err0 = {instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs7 = errors;
if(data0 !== null){
const err2 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid1 = valid1 || _valid0;
}
if(!valid1){
const err3 = {instancePath:instancePath+"/run_id",schemaPath:"#/properties/run_id/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate63.errors = vErrors;
return false;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.package !== undefined){
const _errs9 = errors;
if(typeof data.package !== "string"){
validate63.errors = [{instancePath:instancePath+"/package",schemaPath:"#/properties/package/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.file_name !== undefined){
const _errs11 = errors;
if(typeof data.file_name !== "string"){
validate63.errors = [{instancePath:instancePath+"/file_name",schemaPath:"#/properties/file_name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.done_bytes !== undefined){
let data3 = data.done_bytes;
const _errs13 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate63.errors = [{instancePath:instancePath+"/done_bytes",schemaPath:"#/properties/done_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs13){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate63.errors = [{instancePath:instancePath+"/done_bytes",schemaPath:"#/properties/done_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.total_bytes !== undefined){
let data4 = data.total_bytes;
const _errs15 = errors;
if((!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))) && (data4 !== null)){
validate63.errors = [{instancePath:instancePath+"/total_bytes",schemaPath:"#/properties/total_bytes/type",keyword:"type",params:{type: schema92.properties.total_bytes.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs15){
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
validate63.errors = [{instancePath:instancePath+"/total_bytes",schemaPath:"#/properties/total_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.done !== undefined){
const _errs17 = errors;
if(typeof data.done !== "boolean"){
validate63.errors = [{instancePath:instancePath+"/done",schemaPath:"#/properties/done/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate63.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate63.errors = vErrors;
return errors === 0;
}

export const PoolBusyData = validate64;
const schema94 = {"title":"PoolBusyData","description":"@since 1.3. The `data` of a -31006 (PoolBusy) error: the bound that refused the request and when a retry may succeed.","type":"object","additionalProperties":false,"required":["bound","limit","waited_ms","retry_after_ms"],"properties":{"bound":{"description":"The flag of the bound that was reached, as `--max-runners`, `--max-booting`, `--admission-queue`, `--max-queue`, `--max-tenant-runners`, `--max-tenant-sessions` or `--max-pending-input`. The list may grow.","type":"string"},"limit":{"description":"The bound's value (a count, or bytes for `--max-pending-input`).","type":"integer","minimum":0},"waited_ms":{"description":"How long the request waited before it was refused, in milliseconds (0: refused at once).","type":"number","minimum":0},"retry_after_ms":{"description":"When a retry may succeed, in milliseconds from now: a hint (the REST bridge's `Retry-After`), not a promise.","type":"integer","minimum":0}}};

function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.bound === undefined) && (missing0 = "bound")) || ((data.limit === undefined) && (missing0 = "limit"))) || ((data.waited_ms === undefined) && (missing0 = "waited_ms"))) || ((data.retry_after_ms === undefined) && (missing0 = "retry_after_ms"))){
validate64.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "bound") || (key0 === "limit")) || (key0 === "waited_ms")) || (key0 === "retry_after_ms"))){
validate64.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.bound !== undefined){
const _errs2 = errors;
if(typeof data.bound !== "string"){
validate64.errors = [{instancePath:instancePath+"/bound",schemaPath:"#/properties/bound/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limit !== undefined){
let data1 = data.limit;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate64.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate64.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.waited_ms !== undefined){
let data2 = data.waited_ms;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate64.errors = [{instancePath:instancePath+"/waited_ms",schemaPath:"#/properties/waited_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate64.errors = [{instancePath:instancePath+"/waited_ms",schemaPath:"#/properties/waited_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retry_after_ms !== undefined){
let data3 = data.retry_after_ms;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate64.errors = [{instancePath:instancePath+"/retry_after_ms",schemaPath:"#/properties/retry_after_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate64.errors = [{instancePath:instancePath+"/retry_after_ms",schemaPath:"#/properties/retry_after_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate64.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate64.errors = vErrors;
return errors === 0;
}

export const PoolSummary = validate65;
const schema95 = {"title":"PoolSummary","description":"@since 1.3. The runner pool as the operator sees it.","type":"object","additionalProperties":false,"required":["runners","spares","booting","spare_target","arrivals_last_minute","boot_ms_mean","boots_started","boots_cancelled","boots_failed","admission"],"properties":{"runners":{"description":"Runner processes alive (spares and every tenant's), not counting boots.","type":"integer","minimum":0},"spares":{"description":"Spares ready now.","type":"integer","minimum":0},"booting":{"description":"Runners booting now.","type":"integer","minimum":0},"spare_target":{"description":"Spares the pool keeps ready now: as many as the tenants arriving need, within `--spares`.","type":"integer","minimum":0},"arrivals_last_minute":{"description":"New tenants in the last minute.","type":"integer","minimum":0},"boot_ms_mean":{"description":"Mean time of the recent boots, in milliseconds.","type":"number","minimum":0},"boots_started":{"description":"Boots started since the daemon started.","type":"integer","minimum":0},"boots_cancelled":{"description":"Boots killed because the tenant they were for left.","type":"integer","minimum":0},"boots_failed":{"description":"Boots that failed.","type":"integer","minimum":0},"admission":{"$ref":"#/definitions/AdmissionSummary"}}};

function validate65(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((((data.runners === undefined) && (missing0 = "runners")) || ((data.spares === undefined) && (missing0 = "spares"))) || ((data.booting === undefined) && (missing0 = "booting"))) || ((data.spare_target === undefined) && (missing0 = "spare_target"))) || ((data.arrivals_last_minute === undefined) && (missing0 = "arrivals_last_minute"))) || ((data.boot_ms_mean === undefined) && (missing0 = "boot_ms_mean"))) || ((data.boots_started === undefined) && (missing0 = "boots_started"))) || ((data.boots_cancelled === undefined) && (missing0 = "boots_cancelled"))) || ((data.boots_failed === undefined) && (missing0 = "boots_failed"))) || ((data.admission === undefined) && (missing0 = "admission"))){
validate65.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema95.properties, key0))){
validate65.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runners !== undefined){
let data0 = data.runners;
const _errs2 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate65.errors = [{instancePath:instancePath+"/runners",schemaPath:"#/properties/runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if(typeof data0 == "number"){
if(data0 < 0 || isNaN(data0)){
validate65.errors = [{instancePath:instancePath+"/runners",schemaPath:"#/properties/runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.spares !== undefined){
let data1 = data.spares;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate65.errors = [{instancePath:instancePath+"/spares",schemaPath:"#/properties/spares/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate65.errors = [{instancePath:instancePath+"/spares",schemaPath:"#/properties/spares/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.booting !== undefined){
let data2 = data.booting;
const _errs6 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate65.errors = [{instancePath:instancePath+"/booting",schemaPath:"#/properties/booting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate65.errors = [{instancePath:instancePath+"/booting",schemaPath:"#/properties/booting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.spare_target !== undefined){
let data3 = data.spare_target;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate65.errors = [{instancePath:instancePath+"/spare_target",schemaPath:"#/properties/spare_target/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate65.errors = [{instancePath:instancePath+"/spare_target",schemaPath:"#/properties/spare_target/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.arrivals_last_minute !== undefined){
let data4 = data.arrivals_last_minute;
const _errs10 = errors;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
validate65.errors = [{instancePath:instancePath+"/arrivals_last_minute",schemaPath:"#/properties/arrivals_last_minute/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
validate65.errors = [{instancePath:instancePath+"/arrivals_last_minute",schemaPath:"#/properties/arrivals_last_minute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boot_ms_mean !== undefined){
let data5 = data.boot_ms_mean;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate65.errors = [{instancePath:instancePath+"/boot_ms_mean",schemaPath:"#/properties/boot_ms_mean/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate65.errors = [{instancePath:instancePath+"/boot_ms_mean",schemaPath:"#/properties/boot_ms_mean/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boots_started !== undefined){
let data6 = data.boots_started;
const _errs14 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate65.errors = [{instancePath:instancePath+"/boots_started",schemaPath:"#/properties/boots_started/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate65.errors = [{instancePath:instancePath+"/boots_started",schemaPath:"#/properties/boots_started/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boots_cancelled !== undefined){
let data7 = data.boots_cancelled;
const _errs16 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate65.errors = [{instancePath:instancePath+"/boots_cancelled",schemaPath:"#/properties/boots_cancelled/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate65.errors = [{instancePath:instancePath+"/boots_cancelled",schemaPath:"#/properties/boots_cancelled/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boots_failed !== undefined){
let data8 = data.boots_failed;
const _errs18 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate65.errors = [{instancePath:instancePath+"/boots_failed",schemaPath:"#/properties/boots_failed/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate65.errors = [{instancePath:instancePath+"/boots_failed",schemaPath:"#/properties/boots_failed/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.admission !== undefined){
let data9 = data.admission;
const _errs20 = errors;
const _errs21 = errors;
if(errors === _errs21){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing1;
if(((((((data9.waiting === undefined) && (missing1 = "waiting")) || ((data9.oldest_wait_ms === undefined) && (missing1 = "oldest_wait_ms"))) || ((data9.admitted === undefined) && (missing1 = "admitted"))) || ((data9.timed_out === undefined) && (missing1 = "timed_out"))) || ((data9.refused === undefined) && (missing1 = "refused"))) || ((data9.dropped === undefined) && (missing1 = "dropped"))){
validate65.errors = [{instancePath:instancePath+"/admission",schemaPath:"#/definitions/AdmissionSummary/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs23 = errors;
for(const key1 in data9){
if(!((((((key1 === "waiting") || (key1 === "oldest_wait_ms")) || (key1 === "admitted")) || (key1 === "timed_out")) || (key1 === "refused")) || (key1 === "dropped"))){
validate65.errors = [{instancePath:instancePath+"/admission",schemaPath:"#/definitions/AdmissionSummary/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs23 === errors){
if(data9.waiting !== undefined){
let data10 = data9.waiting;
const _errs24 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate65.errors = [{instancePath:instancePath+"/admission/waiting",schemaPath:"#/definitions/AdmissionSummary/properties/waiting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs24){
if(typeof data10 == "number"){
if(data10 < 0 || isNaN(data10)){
validate65.errors = [{instancePath:instancePath+"/admission/waiting",schemaPath:"#/definitions/AdmissionSummary/properties/waiting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs24 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.oldest_wait_ms !== undefined){
let data11 = data9.oldest_wait_ms;
const _errs26 = errors;
if(errors === _errs26){
if(typeof data11 == "number"){
if(data11 < 0 || isNaN(data11)){
validate65.errors = [{instancePath:instancePath+"/admission/oldest_wait_ms",schemaPath:"#/definitions/AdmissionSummary/properties/oldest_wait_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate65.errors = [{instancePath:instancePath+"/admission/oldest_wait_ms",schemaPath:"#/definitions/AdmissionSummary/properties/oldest_wait_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs26 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.admitted !== undefined){
let data12 = data9.admitted;
const _errs28 = errors;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
validate65.errors = [{instancePath:instancePath+"/admission/admitted",schemaPath:"#/definitions/AdmissionSummary/properties/admitted/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs28){
if(typeof data12 == "number"){
if(data12 < 0 || isNaN(data12)){
validate65.errors = [{instancePath:instancePath+"/admission/admitted",schemaPath:"#/definitions/AdmissionSummary/properties/admitted/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs28 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.timed_out !== undefined){
let data13 = data9.timed_out;
const _errs30 = errors;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
validate65.errors = [{instancePath:instancePath+"/admission/timed_out",schemaPath:"#/definitions/AdmissionSummary/properties/timed_out/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs30){
if(typeof data13 == "number"){
if(data13 < 0 || isNaN(data13)){
validate65.errors = [{instancePath:instancePath+"/admission/timed_out",schemaPath:"#/definitions/AdmissionSummary/properties/timed_out/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs30 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.refused !== undefined){
let data14 = data9.refused;
const _errs32 = errors;
if(!((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14)))){
validate65.errors = [{instancePath:instancePath+"/admission/refused",schemaPath:"#/definitions/AdmissionSummary/properties/refused/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs32){
if(typeof data14 == "number"){
if(data14 < 0 || isNaN(data14)){
validate65.errors = [{instancePath:instancePath+"/admission/refused",schemaPath:"#/definitions/AdmissionSummary/properties/refused/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs32 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.dropped !== undefined){
let data15 = data9.dropped;
const _errs34 = errors;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
validate65.errors = [{instancePath:instancePath+"/admission/dropped",schemaPath:"#/definitions/AdmissionSummary/properties/dropped/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs34){
if(typeof data15 == "number"){
if(data15 < 0 || isNaN(data15)){
validate65.errors = [{instancePath:instancePath+"/admission/dropped",schemaPath:"#/definitions/AdmissionSummary/properties/dropped/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs34 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
}
else {
validate65.errors = [{instancePath:instancePath+"/admission",schemaPath:"#/definitions/AdmissionSummary/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate65.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate65.errors = vErrors;
return errors === 0;
}

export const RunError = validate66;
const schema97 = {"title":"RunError","description":"The Python exception that ended a run.","type":"object","additionalProperties":false,"required":["type","message","traceback"],"properties":{"type":{"description":"The exception's class name, e.g. `ValueError`.","type":"string"},"message":{"description":"`str()` of the exception; may be empty.","type":"string"},"traceback":{"description":"The traceback as CPython prints it, with woma's and Pyodide's internal frames removed; user frames read `File \"<exec>\", line N`.","type":"string"}}};

function validate66(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.type === undefined) && (missing0 = "type")) || ((data.message === undefined) && (missing0 = "message"))) || ((data.traceback === undefined) && (missing0 = "traceback"))){
validate66.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "type") || (key0 === "message")) || (key0 === "traceback"))){
validate66.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if(typeof data.type !== "string"){
validate66.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.message !== undefined){
const _errs4 = errors;
if(typeof data.message !== "string"){
validate66.errors = [{instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.traceback !== undefined){
const _errs6 = errors;
if(typeof data.traceback !== "string"){
validate66.errors = [{instancePath:instancePath+"/traceback",schemaPath:"#/properties/traceback/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate66.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate66.errors = vErrors;
return errors === 0;
}

export const RunFailureData = validate67;
const schema98 = {"title":"RunFailureData","description":"The `data` of a JSON-RPC error that ended a `python/run` (timeout, cancel, runner lost): what the run printed before it ended.","type":"object","additionalProperties":false,"required":["run_id","stdout","stderr","execution_time_ms","session_state","runner_killed"],"properties":{"run_id":{"$ref":"#/definitions/RunId"},"stdout":{"description":"stdout printed before the run ended.","type":"string"},"stderr":{"description":"stderr printed before the run ended.","type":"string"},"execution_time_ms":{"description":"Time from the start of execution to its end, in milliseconds.","type":"number","minimum":0},"session_state":{"$ref":"#/definitions/SessionOutcome"},"runner_killed":{"description":"True when the run ended with its runner process killed or dead (it ignored the interrupt, crashed, or passed the memory limit), whether or not it had a session.","type":"boolean"},"outputs":{"description":"@since 1.1. Display outputs made before the run ended; absent when there were none.","type":"array","items":{"$ref":"#/definitions/DisplayOutput"}}}};
const schema100 = {"title":"SessionOutcome","description":"What became of a run's session when a JSON-RPC error ended the run. `kept`: the code stopped on KeyboardInterrupt and the session keeps its globals. `lost`: the runner was killed and the session is lost. `none`: the run had no session.","type":"string","enum":["kept","lost","none"]};

function validate67(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.run_id === undefined) && (missing0 = "run_id")) || ((data.stdout === undefined) && (missing0 = "stdout"))) || ((data.stderr === undefined) && (missing0 = "stderr"))) || ((data.execution_time_ms === undefined) && (missing0 = "execution_time_ms"))) || ((data.session_state === undefined) && (missing0 = "session_state"))) || ((data.runner_killed === undefined) && (missing0 = "runner_killed"))){
validate67.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "run_id") || (key0 === "stdout")) || (key0 === "stderr")) || (key0 === "execution_time_ms")) || (key0 === "session_state")) || (key0 === "runner_killed")) || (key0 === "outputs"))){
validate67.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.run_id !== undefined){
let data0 = data.run_id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate67.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate67.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stdout !== undefined){
const _errs5 = errors;
if(typeof data.stdout !== "string"){
validate67.errors = [{instancePath:instancePath+"/stdout",schemaPath:"#/properties/stdout/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stderr !== undefined){
const _errs7 = errors;
if(typeof data.stderr !== "string"){
validate67.errors = [{instancePath:instancePath+"/stderr",schemaPath:"#/properties/stderr/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.execution_time_ms !== undefined){
let data3 = data.execution_time_ms;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate67.errors = [{instancePath:instancePath+"/execution_time_ms",schemaPath:"#/properties/execution_time_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate67.errors = [{instancePath:instancePath+"/execution_time_ms",schemaPath:"#/properties/execution_time_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.session_state !== undefined){
let data4 = data.session_state;
const _errs11 = errors;
if(typeof data4 !== "string"){
validate67.errors = [{instancePath:instancePath+"/session_state",schemaPath:"#/definitions/SessionOutcome/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data4 === "kept") || (data4 === "lost")) || (data4 === "none"))){
validate67.errors = [{instancePath:instancePath+"/session_state",schemaPath:"#/definitions/SessionOutcome/enum",keyword:"enum",params:{allowedValues: schema100.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.runner_killed !== undefined){
const _errs14 = errors;
if(typeof data.runner_killed !== "boolean"){
validate67.errors = [{instancePath:instancePath+"/runner_killed",schemaPath:"#/properties/runner_killed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.outputs !== undefined){
let data6 = data.outputs;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data6)){
var valid3 = true;
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
const _errs18 = errors;
if(!(validate17(data6[i0], {instancePath:instancePath+"/outputs/" + i0,parentData:data6,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
var valid3 = _errs18 === errors;
if(!valid3){
break;
}
}
}
else {
validate67.errors = [{instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate67.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate67.errors = vErrors;
return errors === 0;
}

export const RunId = validate69;

function validate69(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(typeof data === "string"){
if(!pattern0.test(data)){
validate69.errors = [{instancePath,schemaPath:"#/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate69.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate69.errors = vErrors;
return errors === 0;
}

export const RunResult = validate70;
const schema102 = {"title":"RunResult","description":"Result of `python/run`. A Python exception is a result with status `exception`, not a JSON-RPC error.","type":"object","additionalProperties":false,"required":["run_id","session_id","status","result","stdout","stderr","execution_time_ms"],"properties":{"run_id":{"$ref":"#/definitions/RunId"},"session_id":{"description":"The session the code ran in, or null for a run in fresh globals.","anyOf":[{"$ref":"#/definitions/SessionId"},{"type":"null"}]},"status":{"$ref":"#/definitions/RunStatus"},"result":{"description":"repr() of the value of the last expression, or null when the code ends in a statement, a trailing ';', or an exception.","type":["string","null"]},"stdout":{"description":"Everything the run printed to stdout, up to the output limit.","type":"string"},"stderr":{"description":"Everything the run printed to stderr, up to the output limit.","type":"string"},"execution_time_ms":{"description":"Time the code took inside the runner, in milliseconds.","type":"number","minimum":0},"error":{"$ref":"#/definitions/RunError"},"truncated":{"$ref":"#/definitions/Truncation"},"outputs":{"description":"@since 1.1. The run's display outputs (display(), rich values of the last expression, matplotlib figures), in the order they were made; absent when there were none. Each also streamed as a `python/display` notification.","type":"array","items":{"$ref":"#/definitions/DisplayOutput"}}}};
const schema105 = {"title":"RunStatus","description":"How a run ended. `success`: the code ran to the end. `exception`: a Python exception ended it. The enum may grow.","type":"string","enum":["success","exception"]};
const schema107 = {"title":"Truncation","description":"How much of a run's output was cut to respect the limits. Only counts above zero are present.","type":"object","additionalProperties":false,"properties":{"stdout_bytes":{"description":"Bytes of stdout that were cut.","type":"integer","minimum":1},"stderr_bytes":{"description":"Bytes of stderr that were cut.","type":"integer","minimum":1},"result_chars":{"description":"Characters of the result's repr that were cut.","type":"integer","minimum":1},"message_chars":{"description":"Characters of the error message that were cut (it obeys the same cap as the result).","type":"integer","minimum":1},"traceback_chars":{"description":"Characters of the error traceback that were cut (it obeys the same cap as the result).","type":"integer","minimum":1},"displays":{"description":"@since 1.1. Display outputs dropped because the run made more than `max_displays`.","type":"integer","minimum":1}}};

function validate70(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.run_id === undefined) && (missing0 = "run_id")) || ((data.session_id === undefined) && (missing0 = "session_id"))) || ((data.status === undefined) && (missing0 = "status"))) || ((data.result === undefined) && (missing0 = "result"))) || ((data.stdout === undefined) && (missing0 = "stdout"))) || ((data.stderr === undefined) && (missing0 = "stderr"))) || ((data.execution_time_ms === undefined) && (missing0 = "execution_time_ms"))){
validate70.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema102.properties, key0))){
validate70.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.run_id !== undefined){
let data0 = data.run_id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate70.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate70.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.session_id !== undefined){
let data1 = data.session_id;
const _errs5 = errors;
const _errs6 = errors;
let valid2 = false;
const _errs7 = errors;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err0 = {instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs10 = errors;
if(data1 !== null){
const err2 = {instancePath:instancePath+"/session_id",schemaPath:"#/properties/session_id/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err3 = {instancePath:instancePath+"/session_id",schemaPath:"#/properties/session_id/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate70.errors = vErrors;
return false;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.status !== undefined){
let data2 = data.status;
const _errs12 = errors;
if(typeof data2 !== "string"){
validate70.errors = [{instancePath:instancePath+"/status",schemaPath:"#/definitions/RunStatus/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data2 === "success") || (data2 === "exception"))){
validate70.errors = [{instancePath:instancePath+"/status",schemaPath:"#/definitions/RunStatus/enum",keyword:"enum",params:{allowedValues: schema105.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.result !== undefined){
let data3 = data.result;
const _errs15 = errors;
if((typeof data3 !== "string") && (data3 !== null)){
validate70.errors = [{instancePath:instancePath+"/result",schemaPath:"#/properties/result/type",keyword:"type",params:{type: schema102.properties.result.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stdout !== undefined){
const _errs17 = errors;
if(typeof data.stdout !== "string"){
validate70.errors = [{instancePath:instancePath+"/stdout",schemaPath:"#/properties/stdout/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stderr !== undefined){
const _errs19 = errors;
if(typeof data.stderr !== "string"){
validate70.errors = [{instancePath:instancePath+"/stderr",schemaPath:"#/properties/stderr/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.execution_time_ms !== undefined){
let data6 = data.execution_time_ms;
const _errs21 = errors;
if(errors === _errs21){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate70.errors = [{instancePath:instancePath+"/execution_time_ms",schemaPath:"#/properties/execution_time_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate70.errors = [{instancePath:instancePath+"/execution_time_ms",schemaPath:"#/properties/execution_time_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.error !== undefined){
let data7 = data.error;
const _errs23 = errors;
const _errs24 = errors;
if(errors === _errs24){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing1;
if((((data7.type === undefined) && (missing1 = "type")) || ((data7.message === undefined) && (missing1 = "message"))) || ((data7.traceback === undefined) && (missing1 = "traceback"))){
validate70.errors = [{instancePath:instancePath+"/error",schemaPath:"#/definitions/RunError/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs26 = errors;
for(const key1 in data7){
if(!(((key1 === "type") || (key1 === "message")) || (key1 === "traceback"))){
validate70.errors = [{instancePath:instancePath+"/error",schemaPath:"#/definitions/RunError/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs26 === errors){
if(data7.type !== undefined){
const _errs27 = errors;
if(typeof data7.type !== "string"){
validate70.errors = [{instancePath:instancePath+"/error/type",schemaPath:"#/definitions/RunError/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data7.message !== undefined){
const _errs29 = errors;
if(typeof data7.message !== "string"){
validate70.errors = [{instancePath:instancePath+"/error/message",schemaPath:"#/definitions/RunError/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs29 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data7.traceback !== undefined){
const _errs31 = errors;
if(typeof data7.traceback !== "string"){
validate70.errors = [{instancePath:instancePath+"/error/traceback",schemaPath:"#/definitions/RunError/properties/traceback/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid6 = _errs31 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
else {
validate70.errors = [{instancePath:instancePath+"/error",schemaPath:"#/definitions/RunError/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
let data11 = data.truncated;
const _errs33 = errors;
const _errs34 = errors;
if(errors === _errs34){
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
const _errs36 = errors;
for(const key2 in data11){
if(!((((((key2 === "stdout_bytes") || (key2 === "stderr_bytes")) || (key2 === "result_chars")) || (key2 === "message_chars")) || (key2 === "traceback_chars")) || (key2 === "displays"))){
validate70.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/definitions/Truncation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs36 === errors){
if(data11.stdout_bytes !== undefined){
let data12 = data11.stdout_bytes;
const _errs37 = errors;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
validate70.errors = [{instancePath:instancePath+"/truncated/stdout_bytes",schemaPath:"#/definitions/Truncation/properties/stdout_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs37){
if(typeof data12 == "number"){
if(data12 < 1 || isNaN(data12)){
validate70.errors = [{instancePath:instancePath+"/truncated/stdout_bytes",schemaPath:"#/definitions/Truncation/properties/stdout_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid8 = _errs37 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data11.stderr_bytes !== undefined){
let data13 = data11.stderr_bytes;
const _errs39 = errors;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
validate70.errors = [{instancePath:instancePath+"/truncated/stderr_bytes",schemaPath:"#/definitions/Truncation/properties/stderr_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs39){
if(typeof data13 == "number"){
if(data13 < 1 || isNaN(data13)){
validate70.errors = [{instancePath:instancePath+"/truncated/stderr_bytes",schemaPath:"#/definitions/Truncation/properties/stderr_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid8 = _errs39 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data11.result_chars !== undefined){
let data14 = data11.result_chars;
const _errs41 = errors;
if(!((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14)))){
validate70.errors = [{instancePath:instancePath+"/truncated/result_chars",schemaPath:"#/definitions/Truncation/properties/result_chars/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs41){
if(typeof data14 == "number"){
if(data14 < 1 || isNaN(data14)){
validate70.errors = [{instancePath:instancePath+"/truncated/result_chars",schemaPath:"#/definitions/Truncation/properties/result_chars/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid8 = _errs41 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data11.message_chars !== undefined){
let data15 = data11.message_chars;
const _errs43 = errors;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
validate70.errors = [{instancePath:instancePath+"/truncated/message_chars",schemaPath:"#/definitions/Truncation/properties/message_chars/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs43){
if(typeof data15 == "number"){
if(data15 < 1 || isNaN(data15)){
validate70.errors = [{instancePath:instancePath+"/truncated/message_chars",schemaPath:"#/definitions/Truncation/properties/message_chars/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid8 = _errs43 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data11.traceback_chars !== undefined){
let data16 = data11.traceback_chars;
const _errs45 = errors;
if(!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))){
validate70.errors = [{instancePath:instancePath+"/truncated/traceback_chars",schemaPath:"#/definitions/Truncation/properties/traceback_chars/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs45){
if(typeof data16 == "number"){
if(data16 < 1 || isNaN(data16)){
validate70.errors = [{instancePath:instancePath+"/truncated/traceback_chars",schemaPath:"#/definitions/Truncation/properties/traceback_chars/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid8 = _errs45 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data11.displays !== undefined){
let data17 = data11.displays;
const _errs47 = errors;
if(!((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17)))){
validate70.errors = [{instancePath:instancePath+"/truncated/displays",schemaPath:"#/definitions/Truncation/properties/displays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs47){
if(typeof data17 == "number"){
if(data17 < 1 || isNaN(data17)){
validate70.errors = [{instancePath:instancePath+"/truncated/displays",schemaPath:"#/definitions/Truncation/properties/displays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid8 = _errs47 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
}
else {
validate70.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/definitions/Truncation/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs33 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.outputs !== undefined){
let data18 = data.outputs;
const _errs49 = errors;
if(errors === _errs49){
if(Array.isArray(data18)){
var valid9 = true;
const len0 = data18.length;
for(let i0=0; i0<len0; i0++){
const _errs51 = errors;
if(!(validate17(data18[i0], {instancePath:instancePath+"/outputs/" + i0,parentData:data18,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
var valid9 = _errs51 === errors;
if(!valid9){
break;
}
}
}
else {
validate70.errors = [{instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs49 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate70.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate70.errors = vErrors;
return errors === 0;
}

export const RunStatus = validate72;

function validate72(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate72.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "success") || (data === "exception"))){
validate72.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema105.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate72.errors = vErrors;
return errors === 0;
}

export const RunnerInfo = validate73;

function validate73(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.runner_id === undefined) && (missing0 = "runner_id")) || ((data.pid === undefined) && (missing0 = "pid"))) || ((data.state === undefined) && (missing0 = "state"))) || ((data.role === undefined) && (missing0 = "role"))) || ((data.sessions === undefined) && (missing0 = "sessions"))) || ((data.queued === undefined) && (missing0 = "queued"))) || ((data.runs === undefined) && (missing0 = "runs"))){
validate73.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema49.properties, key0))){
validate73.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runner_id !== undefined){
const _errs2 = errors;
if(typeof data.runner_id !== "string"){
validate73.errors = [{instancePath:instancePath+"/runner_id",schemaPath:"#/properties/runner_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.pid !== undefined){
let data1 = data.pid;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate73.errors = [{instancePath:instancePath+"/pid",schemaPath:"#/properties/pid/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.state !== undefined){
let data2 = data.state;
const _errs6 = errors;
if(typeof data2 !== "string"){
validate73.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/RunnerState/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data2 === "booting") || (data2 === "idle")) || (data2 === "busy")) || (data2 === "dead"))){
validate73.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/RunnerState/enum",keyword:"enum",params:{allowedValues: schema50.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.role !== undefined){
let data3 = data.role;
const _errs9 = errors;
if(typeof data3 !== "string"){
validate73.errors = [{instancePath:instancePath+"/role",schemaPath:"#/definitions/RunnerRole/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data3 === "shared") || (data3 === "spare")) || (data3 === "dedicated"))){
validate73.errors = [{instancePath:instancePath+"/role",schemaPath:"#/definitions/RunnerRole/enum",keyword:"enum",params:{allowedValues: schema51.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sessions !== undefined){
let data4 = data.sessions;
const _errs12 = errors;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
validate73.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs12){
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
validate73.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.queued !== undefined){
let data5 = data.queued;
const _errs14 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate73.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate73.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.runs !== undefined){
let data6 = data.runs;
const _errs16 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate73.errors = [{instancePath:instancePath+"/runs",schemaPath:"#/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate73.errors = [{instancePath:instancePath+"/runs",schemaPath:"#/properties/runs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.rss_bytes !== undefined){
let data7 = data.rss_bytes;
const _errs18 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate73.errors = [{instancePath:instancePath+"/rss_bytes",schemaPath:"#/properties/rss_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate73.errors = [{instancePath:instancePath+"/rss_bytes",schemaPath:"#/properties/rss_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boot_ms !== undefined){
let data8 = data.boot_ms;
const _errs20 = errors;
if(errors === _errs20){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate73.errors = [{instancePath:instancePath+"/boot_ms",schemaPath:"#/properties/boot_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate73.errors = [{instancePath:instancePath+"/boot_ms",schemaPath:"#/properties/boot_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.from_snapshot !== undefined){
const _errs22 = errors;
if(typeof data.from_snapshot !== "boolean"){
validate73.errors = [{instancePath:instancePath+"/from_snapshot",schemaPath:"#/properties/from_snapshot/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate73.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate73.errors = vErrors;
return errors === 0;
}

export const RunnerRole = validate74;

function validate74(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate74.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "shared") || (data === "spare")) || (data === "dedicated"))){
validate74.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema51.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate74.errors = vErrors;
return errors === 0;
}

export const RunnerState = validate75;

function validate75(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate75.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data === "booting") || (data === "idle")) || (data === "busy")) || (data === "dead"))){
validate75.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema50.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate75.errors = vErrors;
return errors === 0;
}

export const SessionCloseResult = validate76;
const schema114 = {"title":"SessionCloseResult","description":"Result of `session/close`.","type":"object","additionalProperties":false,"required":["session_id"],"properties":{"session_id":{"$ref":"#/definitions/SessionId"}}};

function validate76(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.session_id === undefined) && (missing0 = "session_id")){
validate76.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "session_id")){
validate76.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.session_id !== undefined){
let data0 = data.session_id;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate76.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate76.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
}
else {
validate76.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate76.errors = vErrors;
return errors === 0;
}

export const SessionCreateResult = validate77;
const schema116 = {"title":"SessionCreateResult","description":"Result of `session/create`.","type":"object","additionalProperties":false,"required":["session"],"properties":{"session":{"$ref":"#/definitions/SessionInfo"}}};
const schema117 = {"title":"SessionInfo","description":"One session: a Python globals dictionary that lives in one runner.","type":"object","additionalProperties":false,"required":["session_id","state","fresh_interpreter","runner_id","created_at","last_used_at","run_count"],"properties":{"session_id":{"$ref":"#/definitions/SessionId"},"state":{"$ref":"#/definitions/SessionState"},"fresh_interpreter":{"description":"True when the session has a runner of its own, sharing no imported modules or files with other sessions.","type":"boolean"},"runner_id":{"description":"The runner that holds the session. Sessions stay on their runner for life.","type":"string"},"created_at":{"description":"When the session was created, as an ISO 8601 time.","type":"string"},"last_used_at":{"description":"When the session last started a run (or was created), as an ISO 8601 time.","type":"string"},"run_count":{"description":"Runs started in this session.","type":"integer","minimum":0},"idle_timeout_ms":{"description":"The session is closed after this long without a run, in milliseconds. Absent when it never expires.","type":"integer","minimum":1,"maximum":2147483647},"lost_reason":{"description":"Why the session was lost, when `state` is `lost`.","type":"string"}}};
const schema119 = {"title":"SessionState","description":"A session's state. `ready`: runs are accepted. `lost`: its runner died; runs fail until `session/reset` or `session/close`. The enum may grow.","type":"string","enum":["ready","lost"]};

function validate78(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.session_id === undefined) && (missing0 = "session_id")) || ((data.state === undefined) && (missing0 = "state"))) || ((data.fresh_interpreter === undefined) && (missing0 = "fresh_interpreter"))) || ((data.runner_id === undefined) && (missing0 = "runner_id"))) || ((data.created_at === undefined) && (missing0 = "created_at"))) || ((data.last_used_at === undefined) && (missing0 = "last_used_at"))) || ((data.run_count === undefined) && (missing0 = "run_count"))){
validate78.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema117.properties, key0))){
validate78.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.session_id !== undefined){
let data0 = data.session_id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate78.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate78.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.state !== undefined){
let data1 = data.state;
const _errs5 = errors;
if(typeof data1 !== "string"){
validate78.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/SessionState/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data1 === "ready") || (data1 === "lost"))){
validate78.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/SessionState/enum",keyword:"enum",params:{allowedValues: schema119.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.fresh_interpreter !== undefined){
const _errs8 = errors;
if(typeof data.fresh_interpreter !== "boolean"){
validate78.errors = [{instancePath:instancePath+"/fresh_interpreter",schemaPath:"#/properties/fresh_interpreter/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.runner_id !== undefined){
const _errs10 = errors;
if(typeof data.runner_id !== "string"){
validate78.errors = [{instancePath:instancePath+"/runner_id",schemaPath:"#/properties/runner_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
const _errs12 = errors;
if(typeof data.created_at !== "string"){
validate78.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.last_used_at !== undefined){
const _errs14 = errors;
if(typeof data.last_used_at !== "string"){
validate78.errors = [{instancePath:instancePath+"/last_used_at",schemaPath:"#/properties/last_used_at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.run_count !== undefined){
let data6 = data.run_count;
const _errs16 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate78.errors = [{instancePath:instancePath+"/run_count",schemaPath:"#/properties/run_count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate78.errors = [{instancePath:instancePath+"/run_count",schemaPath:"#/properties/run_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.idle_timeout_ms !== undefined){
let data7 = data.idle_timeout_ms;
const _errs18 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate78.errors = [{instancePath:instancePath+"/idle_timeout_ms",schemaPath:"#/properties/idle_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if(typeof data7 == "number"){
if(data7 > 2147483647 || isNaN(data7)){
validate78.errors = [{instancePath:instancePath+"/idle_timeout_ms",schemaPath:"#/properties/idle_timeout_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data7 < 1 || isNaN(data7)){
validate78.errors = [{instancePath:instancePath+"/idle_timeout_ms",schemaPath:"#/properties/idle_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.lost_reason !== undefined){
const _errs20 = errors;
if(typeof data.lost_reason !== "string"){
validate78.errors = [{instancePath:instancePath+"/lost_reason",schemaPath:"#/properties/lost_reason/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate78.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate78.errors = vErrors;
return errors === 0;
}


function validate77(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.session === undefined) && (missing0 = "session")){
validate77.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "session")){
validate77.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.session !== undefined){
if(!(validate78(data.session, {instancePath:instancePath+"/session",parentData:data,parentDataProperty:"session",rootData}))){
vErrors = vErrors === null ? validate78.errors : vErrors.concat(validate78.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate77.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate77.errors = vErrors;
return errors === 0;
}

export const SessionId = validate80;

function validate80(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(typeof data === "string"){
if(!pattern0.test(data)){
validate80.errors = [{instancePath,schemaPath:"#/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate80.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate80.errors = vErrors;
return errors === 0;
}

export const SessionInfo = validate81;

function validate81(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.session_id === undefined) && (missing0 = "session_id")) || ((data.state === undefined) && (missing0 = "state"))) || ((data.fresh_interpreter === undefined) && (missing0 = "fresh_interpreter"))) || ((data.runner_id === undefined) && (missing0 = "runner_id"))) || ((data.created_at === undefined) && (missing0 = "created_at"))) || ((data.last_used_at === undefined) && (missing0 = "last_used_at"))) || ((data.run_count === undefined) && (missing0 = "run_count"))){
validate81.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema117.properties, key0))){
validate81.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.session_id !== undefined){
let data0 = data.session_id;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate81.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate81.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.state !== undefined){
let data1 = data.state;
const _errs5 = errors;
if(typeof data1 !== "string"){
validate81.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/SessionState/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data1 === "ready") || (data1 === "lost"))){
validate81.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/SessionState/enum",keyword:"enum",params:{allowedValues: schema119.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.fresh_interpreter !== undefined){
const _errs8 = errors;
if(typeof data.fresh_interpreter !== "boolean"){
validate81.errors = [{instancePath:instancePath+"/fresh_interpreter",schemaPath:"#/properties/fresh_interpreter/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.runner_id !== undefined){
const _errs10 = errors;
if(typeof data.runner_id !== "string"){
validate81.errors = [{instancePath:instancePath+"/runner_id",schemaPath:"#/properties/runner_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
const _errs12 = errors;
if(typeof data.created_at !== "string"){
validate81.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.last_used_at !== undefined){
const _errs14 = errors;
if(typeof data.last_used_at !== "string"){
validate81.errors = [{instancePath:instancePath+"/last_used_at",schemaPath:"#/properties/last_used_at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.run_count !== undefined){
let data6 = data.run_count;
const _errs16 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate81.errors = [{instancePath:instancePath+"/run_count",schemaPath:"#/properties/run_count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate81.errors = [{instancePath:instancePath+"/run_count",schemaPath:"#/properties/run_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.idle_timeout_ms !== undefined){
let data7 = data.idle_timeout_ms;
const _errs18 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate81.errors = [{instancePath:instancePath+"/idle_timeout_ms",schemaPath:"#/properties/idle_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if(typeof data7 == "number"){
if(data7 > 2147483647 || isNaN(data7)){
validate81.errors = [{instancePath:instancePath+"/idle_timeout_ms",schemaPath:"#/properties/idle_timeout_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data7 < 1 || isNaN(data7)){
validate81.errors = [{instancePath:instancePath+"/idle_timeout_ms",schemaPath:"#/properties/idle_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.lost_reason !== undefined){
const _errs20 = errors;
if(typeof data.lost_reason !== "string"){
validate81.errors = [{instancePath:instancePath+"/lost_reason",schemaPath:"#/properties/lost_reason/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate81.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate81.errors = vErrors;
return errors === 0;
}

export const SessionListResult = validate82;
const schema124 = {"title":"SessionListResult","description":"Result of `session/list`.","type":"object","additionalProperties":false,"required":["sessions"],"properties":{"sessions":{"description":"Every open session, oldest first.","type":"array","items":{"$ref":"#/definitions/SessionInfo"}}}};

function validate82(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.sessions === undefined) && (missing0 = "sessions")){
validate82.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "sessions")){
validate82.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.sessions !== undefined){
let data0 = data.sessions;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs4 = errors;
if(!(validate78(data0[i0], {instancePath:instancePath+"/sessions/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate78.errors : vErrors.concat(validate78.errors);
errors = vErrors.length;
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate82.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
}
}
}
}
else {
validate82.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate82.errors = vErrors;
return errors === 0;
}

export const SessionOutcome = validate84;

function validate84(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate84.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "kept") || (data === "lost")) || (data === "none"))){
validate84.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema100.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate84.errors = vErrors;
return errors === 0;
}

export const SessionResetResult = validate85;
const schema126 = {"title":"SessionResetResult","description":"Result of `session/reset`.","type":"object","additionalProperties":false,"required":["session"],"properties":{"session":{"$ref":"#/definitions/SessionInfo"}}};

function validate85(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.session === undefined) && (missing0 = "session")){
validate85.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "session")){
validate85.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.session !== undefined){
if(!(validate78(data.session, {instancePath:instancePath+"/session",parentData:data,parentDataProperty:"session",rootData}))){
vErrors = vErrors === null ? validate78.errors : vErrors.concat(validate78.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate85.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate85.errors = vErrors;
return errors === 0;
}

export const SessionState = validate87;

function validate87(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate87.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "ready") || (data === "lost"))){
validate87.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema119.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate87.errors = vErrors;
return errors === 0;
}

export const ShutdownResult = validate88;
const schema128 = {"title":"ShutdownResult","description":"Result of `daemon/shutdown`, sent before the daemon stops its runners and exits.","type":"object","additionalProperties":false,"required":["stopping"],"properties":{"stopping":{"description":"Always true.","type":"boolean"}}};

function validate88(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.stopping === undefined) && (missing0 = "stopping")){
validate88.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "stopping")){
validate88.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.stopping !== undefined){
if(typeof data.stopping !== "boolean"){
validate88.errors = [{instancePath:instancePath+"/stopping",schemaPath:"#/properties/stopping/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
}
}
}
}
else {
validate88.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate88.errors = vErrors;
return errors === 0;
}

export const SnapshotInfo = validate89;

function validate89(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.state === undefined) && (missing0 = "state")){
validate89.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "state") || (key0 === "path")) || (key0 === "bytes")) || (key0 === "detail"))){
validate89.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.state !== undefined){
let data0 = data.state;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate89.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/SnapshotState/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "ready") || (data0 === "building")) || (data0 === "unavailable"))){
validate89.errors = [{instancePath:instancePath+"/state",schemaPath:"#/definitions/SnapshotState/enum",keyword:"enum",params:{allowedValues: schema54.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
const _errs5 = errors;
if(typeof data.path !== "string"){
validate89.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.bytes !== undefined){
let data2 = data.bytes;
const _errs7 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate89.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate89.errors = [{instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.detail !== undefined){
const _errs9 = errors;
if(typeof data.detail !== "string"){
validate89.errors = [{instancePath:instancePath+"/detail",schemaPath:"#/properties/detail/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate89.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate89.errors = vErrors;
return errors === 0;
}

export const SnapshotState = validate90;

function validate90(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate90.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "ready") || (data === "building")) || (data === "unavailable"))){
validate90.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema54.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate90.errors = vErrors;
return errors === 0;
}

export const Stream = validate91;

function validate91(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate91.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "stdout") || (data === "stderr"))){
validate91.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema86.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate91.errors = vErrors;
return errors === 0;
}

export const TenantInfo = validate92;

function validate92(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.name === undefined) && (missing0 = "name")) || ((data.shared === undefined) && (missing0 = "shared"))){
validate92.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "name") || (key0 === "shared"))){
validate92.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.name !== undefined){
let data0 = data.name;
const _errs2 = errors;
if((typeof data0 !== "string") && (data0 !== null)){
validate92.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: schema55.properties.name.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.shared !== undefined){
const _errs4 = errors;
if(typeof data.shared !== "boolean"){
validate92.errors = [{instancePath:instancePath+"/shared",schemaPath:"#/properties/shared/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate92.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate92.errors = vErrors;
return errors === 0;
}

export const TenantName = validate93;
const schema134 = {"title":"TenantName","description":"A tenant's name: letters, digits and `._:@-`, starting with a letter or digit, at most 128 characters.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"};
const pattern22 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$", "u");

function validate93(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(typeof data === "string"){
if(!pattern22.test(data)){
validate93.errors = [{instancePath,schemaPath:"#/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"+"\""}];
return false;
}
}
else {
validate93.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate93.errors = vErrors;
return errors === 0;
}

export const TenantSummary = validate94;
const schema135 = {"title":"TenantSummary","description":"@since 1.3. One tenant as the operator sees it.","type":"object","additionalProperties":false,"required":["tenant","named","connections","sessions","runners","busy","booting","rss_bytes","runs","queued","waiting","boot_ms","idle_ms"],"properties":{"tenant":{"description":"The tenant's name, or the daemon's own label (`~connection-N`) for a connection's own tenant.","type":"string"},"named":{"description":"True when a client named it in `daemon/initialize`.","type":"boolean"},"connections":{"description":"Connections acting for it now.","type":"integer","minimum":0},"sessions":{"description":"Its open sessions.","type":"integer","minimum":0},"runners":{"description":"Runners it holds.","type":"integer","minimum":0},"busy":{"description":"Of those, runners running its code now.","type":"integer","minimum":0},"booting":{"description":"Runners booting for it.","type":"integer","minimum":0},"rss_bytes":{"description":"Resident memory of its runners together, in bytes.","type":"integer","minimum":0},"runs":{"description":"Runs it has started.","type":"integer","minimum":0},"queued":{"description":"Its requests waiting for one of its runners.","type":"integer","minimum":0},"waiting":{"description":"Its requests waiting in the admission queue.","type":"integer","minimum":0},"boot_ms":{"description":"Milliseconds its runners spent booting.","type":"number","minimum":0},"idle_ms":{"description":"Milliseconds since it last used a runner.","type":"number","minimum":0}}};

function validate94(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.named === undefined) && (missing0 = "named"))) || ((data.connections === undefined) && (missing0 = "connections"))) || ((data.sessions === undefined) && (missing0 = "sessions"))) || ((data.runners === undefined) && (missing0 = "runners"))) || ((data.busy === undefined) && (missing0 = "busy"))) || ((data.booting === undefined) && (missing0 = "booting"))) || ((data.rss_bytes === undefined) && (missing0 = "rss_bytes"))) || ((data.runs === undefined) && (missing0 = "runs"))) || ((data.queued === undefined) && (missing0 = "queued"))) || ((data.waiting === undefined) && (missing0 = "waiting"))) || ((data.boot_ms === undefined) && (missing0 = "boot_ms"))) || ((data.idle_ms === undefined) && (missing0 = "idle_ms"))){
validate94.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema135.properties, key0))){
validate94.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate94.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.named !== undefined){
const _errs4 = errors;
if(typeof data.named !== "boolean"){
validate94.errors = [{instancePath:instancePath+"/named",schemaPath:"#/properties/named/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.connections !== undefined){
let data2 = data.connections;
const _errs6 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate94.errors = [{instancePath:instancePath+"/connections",schemaPath:"#/properties/connections/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate94.errors = [{instancePath:instancePath+"/connections",schemaPath:"#/properties/connections/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sessions !== undefined){
let data3 = data.sessions;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate94.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate94.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.runners !== undefined){
let data4 = data.runners;
const _errs10 = errors;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
validate94.errors = [{instancePath:instancePath+"/runners",schemaPath:"#/properties/runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
validate94.errors = [{instancePath:instancePath+"/runners",schemaPath:"#/properties/runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.busy !== undefined){
let data5 = data.busy;
const _errs12 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate94.errors = [{instancePath:instancePath+"/busy",schemaPath:"#/properties/busy/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs12){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate94.errors = [{instancePath:instancePath+"/busy",schemaPath:"#/properties/busy/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.booting !== undefined){
let data6 = data.booting;
const _errs14 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate94.errors = [{instancePath:instancePath+"/booting",schemaPath:"#/properties/booting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate94.errors = [{instancePath:instancePath+"/booting",schemaPath:"#/properties/booting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.rss_bytes !== undefined){
let data7 = data.rss_bytes;
const _errs16 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate94.errors = [{instancePath:instancePath+"/rss_bytes",schemaPath:"#/properties/rss_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate94.errors = [{instancePath:instancePath+"/rss_bytes",schemaPath:"#/properties/rss_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.runs !== undefined){
let data8 = data.runs;
const _errs18 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate94.errors = [{instancePath:instancePath+"/runs",schemaPath:"#/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate94.errors = [{instancePath:instancePath+"/runs",schemaPath:"#/properties/runs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.queued !== undefined){
let data9 = data.queued;
const _errs20 = errors;
if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){
validate94.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs20){
if(typeof data9 == "number"){
if(data9 < 0 || isNaN(data9)){
validate94.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.waiting !== undefined){
let data10 = data.waiting;
const _errs22 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate94.errors = [{instancePath:instancePath+"/waiting",schemaPath:"#/properties/waiting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs22){
if(typeof data10 == "number"){
if(data10 < 0 || isNaN(data10)){
validate94.errors = [{instancePath:instancePath+"/waiting",schemaPath:"#/properties/waiting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boot_ms !== undefined){
let data11 = data.boot_ms;
const _errs24 = errors;
if(errors === _errs24){
if(typeof data11 == "number"){
if(data11 < 0 || isNaN(data11)){
validate94.errors = [{instancePath:instancePath+"/boot_ms",schemaPath:"#/properties/boot_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate94.errors = [{instancePath:instancePath+"/boot_ms",schemaPath:"#/properties/boot_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs24 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.idle_ms !== undefined){
let data12 = data.idle_ms;
const _errs26 = errors;
if(errors === _errs26){
if(typeof data12 == "number"){
if(data12 < 0 || isNaN(data12)){
validate94.errors = [{instancePath:instancePath+"/idle_ms",schemaPath:"#/properties/idle_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate94.errors = [{instancePath:instancePath+"/idle_ms",schemaPath:"#/properties/idle_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate94.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate94.errors = vErrors;
return errors === 0;
}

export const TenantUsage = validate95;

function validate95(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((data.runners === undefined) && (missing0 = "runners")) || ((data.busy === undefined) && (missing0 = "busy"))) || ((data.rss_bytes === undefined) && (missing0 = "rss_bytes"))) || ((data.runs === undefined) && (missing0 = "runs"))) || ((data.queued === undefined) && (missing0 = "queued"))) || ((data.waiting === undefined) && (missing0 = "waiting"))) || ((data.sessions === undefined) && (missing0 = "sessions"))) || ((data.boot_ms === undefined) && (missing0 = "boot_ms"))){
validate95.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "runners") || (key0 === "busy")) || (key0 === "rss_bytes")) || (key0 === "runs")) || (key0 === "queued")) || (key0 === "waiting")) || (key0 === "sessions")) || (key0 === "boot_ms"))){
validate95.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runners !== undefined){
let data0 = data.runners;
const _errs2 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate95.errors = [{instancePath:instancePath+"/runners",schemaPath:"#/properties/runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if(typeof data0 == "number"){
if(data0 < 0 || isNaN(data0)){
validate95.errors = [{instancePath:instancePath+"/runners",schemaPath:"#/properties/runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.busy !== undefined){
let data1 = data.busy;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate95.errors = [{instancePath:instancePath+"/busy",schemaPath:"#/properties/busy/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate95.errors = [{instancePath:instancePath+"/busy",schemaPath:"#/properties/busy/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.rss_bytes !== undefined){
let data2 = data.rss_bytes;
const _errs6 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate95.errors = [{instancePath:instancePath+"/rss_bytes",schemaPath:"#/properties/rss_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate95.errors = [{instancePath:instancePath+"/rss_bytes",schemaPath:"#/properties/rss_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.runs !== undefined){
let data3 = data.runs;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate95.errors = [{instancePath:instancePath+"/runs",schemaPath:"#/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate95.errors = [{instancePath:instancePath+"/runs",schemaPath:"#/properties/runs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.queued !== undefined){
let data4 = data.queued;
const _errs10 = errors;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
validate95.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
validate95.errors = [{instancePath:instancePath+"/queued",schemaPath:"#/properties/queued/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.waiting !== undefined){
let data5 = data.waiting;
const _errs12 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate95.errors = [{instancePath:instancePath+"/waiting",schemaPath:"#/properties/waiting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs12){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate95.errors = [{instancePath:instancePath+"/waiting",schemaPath:"#/properties/waiting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sessions !== undefined){
let data6 = data.sessions;
const _errs14 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate95.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate95.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boot_ms !== undefined){
let data7 = data.boot_ms;
const _errs16 = errors;
if(errors === _errs16){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate95.errors = [{instancePath:instancePath+"/boot_ms",schemaPath:"#/properties/boot_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate95.errors = [{instancePath:instancePath+"/boot_ms",schemaPath:"#/properties/boot_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate95.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate95.errors = vErrors;
return errors === 0;
}

export const TenantsResult = validate96;
const schema137 = {"title":"TenantsResult","description":"@since 1.3. Result of `daemon/tenants`: the operator view, every tenant with what it holds and costs.","type":"object","additionalProperties":false,"required":["pool","tenants","limits"],"properties":{"pool":{"$ref":"#/definitions/PoolSummary"},"tenants":{"description":"Every tenant the daemon knows, those holding most memory first.","type":"array","items":{"$ref":"#/definitions/TenantSummary"}},"limits":{"$ref":"#/definitions/LimitsInfo"}}};

function validate97(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((((data.runners === undefined) && (missing0 = "runners")) || ((data.spares === undefined) && (missing0 = "spares"))) || ((data.booting === undefined) && (missing0 = "booting"))) || ((data.spare_target === undefined) && (missing0 = "spare_target"))) || ((data.arrivals_last_minute === undefined) && (missing0 = "arrivals_last_minute"))) || ((data.boot_ms_mean === undefined) && (missing0 = "boot_ms_mean"))) || ((data.boots_started === undefined) && (missing0 = "boots_started"))) || ((data.boots_cancelled === undefined) && (missing0 = "boots_cancelled"))) || ((data.boots_failed === undefined) && (missing0 = "boots_failed"))) || ((data.admission === undefined) && (missing0 = "admission"))){
validate97.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema95.properties, key0))){
validate97.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runners !== undefined){
let data0 = data.runners;
const _errs2 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate97.errors = [{instancePath:instancePath+"/runners",schemaPath:"#/properties/runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if(typeof data0 == "number"){
if(data0 < 0 || isNaN(data0)){
validate97.errors = [{instancePath:instancePath+"/runners",schemaPath:"#/properties/runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.spares !== undefined){
let data1 = data.spares;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate97.errors = [{instancePath:instancePath+"/spares",schemaPath:"#/properties/spares/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate97.errors = [{instancePath:instancePath+"/spares",schemaPath:"#/properties/spares/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.booting !== undefined){
let data2 = data.booting;
const _errs6 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate97.errors = [{instancePath:instancePath+"/booting",schemaPath:"#/properties/booting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate97.errors = [{instancePath:instancePath+"/booting",schemaPath:"#/properties/booting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.spare_target !== undefined){
let data3 = data.spare_target;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate97.errors = [{instancePath:instancePath+"/spare_target",schemaPath:"#/properties/spare_target/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate97.errors = [{instancePath:instancePath+"/spare_target",schemaPath:"#/properties/spare_target/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.arrivals_last_minute !== undefined){
let data4 = data.arrivals_last_minute;
const _errs10 = errors;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
validate97.errors = [{instancePath:instancePath+"/arrivals_last_minute",schemaPath:"#/properties/arrivals_last_minute/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
validate97.errors = [{instancePath:instancePath+"/arrivals_last_minute",schemaPath:"#/properties/arrivals_last_minute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boot_ms_mean !== undefined){
let data5 = data.boot_ms_mean;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate97.errors = [{instancePath:instancePath+"/boot_ms_mean",schemaPath:"#/properties/boot_ms_mean/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate97.errors = [{instancePath:instancePath+"/boot_ms_mean",schemaPath:"#/properties/boot_ms_mean/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boots_started !== undefined){
let data6 = data.boots_started;
const _errs14 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate97.errors = [{instancePath:instancePath+"/boots_started",schemaPath:"#/properties/boots_started/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate97.errors = [{instancePath:instancePath+"/boots_started",schemaPath:"#/properties/boots_started/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boots_cancelled !== undefined){
let data7 = data.boots_cancelled;
const _errs16 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate97.errors = [{instancePath:instancePath+"/boots_cancelled",schemaPath:"#/properties/boots_cancelled/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate97.errors = [{instancePath:instancePath+"/boots_cancelled",schemaPath:"#/properties/boots_cancelled/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.boots_failed !== undefined){
let data8 = data.boots_failed;
const _errs18 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate97.errors = [{instancePath:instancePath+"/boots_failed",schemaPath:"#/properties/boots_failed/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate97.errors = [{instancePath:instancePath+"/boots_failed",schemaPath:"#/properties/boots_failed/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.admission !== undefined){
let data9 = data.admission;
const _errs20 = errors;
const _errs21 = errors;
if(errors === _errs21){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing1;
if(((((((data9.waiting === undefined) && (missing1 = "waiting")) || ((data9.oldest_wait_ms === undefined) && (missing1 = "oldest_wait_ms"))) || ((data9.admitted === undefined) && (missing1 = "admitted"))) || ((data9.timed_out === undefined) && (missing1 = "timed_out"))) || ((data9.refused === undefined) && (missing1 = "refused"))) || ((data9.dropped === undefined) && (missing1 = "dropped"))){
validate97.errors = [{instancePath:instancePath+"/admission",schemaPath:"#/definitions/AdmissionSummary/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs23 = errors;
for(const key1 in data9){
if(!((((((key1 === "waiting") || (key1 === "oldest_wait_ms")) || (key1 === "admitted")) || (key1 === "timed_out")) || (key1 === "refused")) || (key1 === "dropped"))){
validate97.errors = [{instancePath:instancePath+"/admission",schemaPath:"#/definitions/AdmissionSummary/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs23 === errors){
if(data9.waiting !== undefined){
let data10 = data9.waiting;
const _errs24 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate97.errors = [{instancePath:instancePath+"/admission/waiting",schemaPath:"#/definitions/AdmissionSummary/properties/waiting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs24){
if(typeof data10 == "number"){
if(data10 < 0 || isNaN(data10)){
validate97.errors = [{instancePath:instancePath+"/admission/waiting",schemaPath:"#/definitions/AdmissionSummary/properties/waiting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs24 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.oldest_wait_ms !== undefined){
let data11 = data9.oldest_wait_ms;
const _errs26 = errors;
if(errors === _errs26){
if(typeof data11 == "number"){
if(data11 < 0 || isNaN(data11)){
validate97.errors = [{instancePath:instancePath+"/admission/oldest_wait_ms",schemaPath:"#/definitions/AdmissionSummary/properties/oldest_wait_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate97.errors = [{instancePath:instancePath+"/admission/oldest_wait_ms",schemaPath:"#/definitions/AdmissionSummary/properties/oldest_wait_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs26 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.admitted !== undefined){
let data12 = data9.admitted;
const _errs28 = errors;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
validate97.errors = [{instancePath:instancePath+"/admission/admitted",schemaPath:"#/definitions/AdmissionSummary/properties/admitted/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs28){
if(typeof data12 == "number"){
if(data12 < 0 || isNaN(data12)){
validate97.errors = [{instancePath:instancePath+"/admission/admitted",schemaPath:"#/definitions/AdmissionSummary/properties/admitted/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs28 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.timed_out !== undefined){
let data13 = data9.timed_out;
const _errs30 = errors;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
validate97.errors = [{instancePath:instancePath+"/admission/timed_out",schemaPath:"#/definitions/AdmissionSummary/properties/timed_out/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs30){
if(typeof data13 == "number"){
if(data13 < 0 || isNaN(data13)){
validate97.errors = [{instancePath:instancePath+"/admission/timed_out",schemaPath:"#/definitions/AdmissionSummary/properties/timed_out/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs30 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.refused !== undefined){
let data14 = data9.refused;
const _errs32 = errors;
if(!((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14)))){
validate97.errors = [{instancePath:instancePath+"/admission/refused",schemaPath:"#/definitions/AdmissionSummary/properties/refused/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs32){
if(typeof data14 == "number"){
if(data14 < 0 || isNaN(data14)){
validate97.errors = [{instancePath:instancePath+"/admission/refused",schemaPath:"#/definitions/AdmissionSummary/properties/refused/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs32 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data9.dropped !== undefined){
let data15 = data9.dropped;
const _errs34 = errors;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
validate97.errors = [{instancePath:instancePath+"/admission/dropped",schemaPath:"#/definitions/AdmissionSummary/properties/dropped/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs34){
if(typeof data15 == "number"){
if(data15 < 0 || isNaN(data15)){
validate97.errors = [{instancePath:instancePath+"/admission/dropped",schemaPath:"#/definitions/AdmissionSummary/properties/dropped/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid2 = _errs34 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
}
else {
validate97.errors = [{instancePath:instancePath+"/admission",schemaPath:"#/definitions/AdmissionSummary/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate97.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate97.errors = vErrors;
return errors === 0;
}


function validate96(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.pool === undefined) && (missing0 = "pool")) || ((data.tenants === undefined) && (missing0 = "tenants"))) || ((data.limits === undefined) && (missing0 = "limits"))){
validate96.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "pool") || (key0 === "tenants")) || (key0 === "limits"))){
validate96.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.pool !== undefined){
const _errs2 = errors;
if(!(validate97(data.pool, {instancePath:instancePath+"/pool",parentData:data,parentDataProperty:"pool",rootData}))){
vErrors = vErrors === null ? validate97.errors : vErrors.concat(validate97.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tenants !== undefined){
let data1 = data.tenants;
const _errs3 = errors;
if(errors === _errs3){
if(Array.isArray(data1)){
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if((((((((((((((data2.tenant === undefined) && (missing1 = "tenant")) || ((data2.named === undefined) && (missing1 = "named"))) || ((data2.connections === undefined) && (missing1 = "connections"))) || ((data2.sessions === undefined) && (missing1 = "sessions"))) || ((data2.runners === undefined) && (missing1 = "runners"))) || ((data2.busy === undefined) && (missing1 = "busy"))) || ((data2.booting === undefined) && (missing1 = "booting"))) || ((data2.rss_bytes === undefined) && (missing1 = "rss_bytes"))) || ((data2.runs === undefined) && (missing1 = "runs"))) || ((data2.queued === undefined) && (missing1 = "queued"))) || ((data2.waiting === undefined) && (missing1 = "waiting"))) || ((data2.boot_ms === undefined) && (missing1 = "boot_ms"))) || ((data2.idle_ms === undefined) && (missing1 = "idle_ms"))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0,schemaPath:"#/definitions/TenantSummary/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs8 = errors;
for(const key1 in data2){
if(!(func2.call(schema135.properties, key1))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0,schemaPath:"#/definitions/TenantSummary/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs8 === errors){
if(data2.tenant !== undefined){
const _errs9 = errors;
if(typeof data2.tenant !== "string"){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/tenant",schemaPath:"#/definitions/TenantSummary/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid3 = _errs9 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.named !== undefined){
const _errs11 = errors;
if(typeof data2.named !== "boolean"){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/named",schemaPath:"#/definitions/TenantSummary/properties/named/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid3 = _errs11 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.connections !== undefined){
let data5 = data2.connections;
const _errs13 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/connections",schemaPath:"#/definitions/TenantSummary/properties/connections/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs13){
if(typeof data5 == "number"){
if(data5 < 0 || isNaN(data5)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/connections",schemaPath:"#/definitions/TenantSummary/properties/connections/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs13 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.sessions !== undefined){
let data6 = data2.sessions;
const _errs15 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/sessions",schemaPath:"#/definitions/TenantSummary/properties/sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs15){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/sessions",schemaPath:"#/definitions/TenantSummary/properties/sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs15 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.runners !== undefined){
let data7 = data2.runners;
const _errs17 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/runners",schemaPath:"#/definitions/TenantSummary/properties/runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs17){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/runners",schemaPath:"#/definitions/TenantSummary/properties/runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs17 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.busy !== undefined){
let data8 = data2.busy;
const _errs19 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/busy",schemaPath:"#/definitions/TenantSummary/properties/busy/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs19){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/busy",schemaPath:"#/definitions/TenantSummary/properties/busy/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs19 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.booting !== undefined){
let data9 = data2.booting;
const _errs21 = errors;
if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/booting",schemaPath:"#/definitions/TenantSummary/properties/booting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs21){
if(typeof data9 == "number"){
if(data9 < 0 || isNaN(data9)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/booting",schemaPath:"#/definitions/TenantSummary/properties/booting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs21 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.rss_bytes !== undefined){
let data10 = data2.rss_bytes;
const _errs23 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/rss_bytes",schemaPath:"#/definitions/TenantSummary/properties/rss_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs23){
if(typeof data10 == "number"){
if(data10 < 0 || isNaN(data10)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/rss_bytes",schemaPath:"#/definitions/TenantSummary/properties/rss_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs23 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.runs !== undefined){
let data11 = data2.runs;
const _errs25 = errors;
if(!((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11)))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/runs",schemaPath:"#/definitions/TenantSummary/properties/runs/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs25){
if(typeof data11 == "number"){
if(data11 < 0 || isNaN(data11)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/runs",schemaPath:"#/definitions/TenantSummary/properties/runs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs25 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.queued !== undefined){
let data12 = data2.queued;
const _errs27 = errors;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/queued",schemaPath:"#/definitions/TenantSummary/properties/queued/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs27){
if(typeof data12 == "number"){
if(data12 < 0 || isNaN(data12)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/queued",schemaPath:"#/definitions/TenantSummary/properties/queued/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs27 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.waiting !== undefined){
let data13 = data2.waiting;
const _errs29 = errors;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/waiting",schemaPath:"#/definitions/TenantSummary/properties/waiting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs29){
if(typeof data13 == "number"){
if(data13 < 0 || isNaN(data13)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/waiting",schemaPath:"#/definitions/TenantSummary/properties/waiting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs29 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.boot_ms !== undefined){
let data14 = data2.boot_ms;
const _errs31 = errors;
if(errors === _errs31){
if(typeof data14 == "number"){
if(data14 < 0 || isNaN(data14)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/boot_ms",schemaPath:"#/definitions/TenantSummary/properties/boot_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/boot_ms",schemaPath:"#/definitions/TenantSummary/properties/boot_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs31 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.idle_ms !== undefined){
let data15 = data2.idle_ms;
const _errs33 = errors;
if(errors === _errs33){
if(typeof data15 == "number"){
if(data15 < 0 || isNaN(data15)){
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/idle_ms",schemaPath:"#/definitions/TenantSummary/properties/idle_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0+"/idle_ms",schemaPath:"#/definitions/TenantSummary/properties/idle_ms/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs33 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate96.errors = [{instancePath:instancePath+"/tenants/" + i0,schemaPath:"#/definitions/TenantSummary/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs5 === errors;
if(!valid1){
break;
}
}
}
else {
validate96.errors = [{instancePath:instancePath+"/tenants",schemaPath:"#/properties/tenants/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limits !== undefined){
let data16 = data.limits;
const _errs35 = errors;
const _errs36 = errors;
if(errors === _errs36){
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
let missing2;
if((((((data16.default_timeout_ms === undefined) && (missing2 = "default_timeout_ms")) || ((data16.max_output_bytes === undefined) && (missing2 = "max_output_bytes"))) || ((data16.max_message_bytes === undefined) && (missing2 = "max_message_bytes"))) || ((data16.max_queue === undefined) && (missing2 = "max_queue"))) || ((data16.memory_limit_bytes === undefined) && (missing2 = "memory_limit_bytes"))){
validate96.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/definitions/LimitsInfo/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs38 = errors;
for(const key2 in data16){
if(!(func2.call(schema52.properties, key2))){
validate96.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/definitions/LimitsInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs38 === errors){
if(data16.default_timeout_ms !== undefined){
let data17 = data16.default_timeout_ms;
const _errs39 = errors;
if(!((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17)))){
validate96.errors = [{instancePath:instancePath+"/limits/default_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/default_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs39){
if(typeof data17 == "number"){
if(data17 > 2147483647 || isNaN(data17)){
validate96.errors = [{instancePath:instancePath+"/limits/default_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/default_timeout_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data17 < 0 || isNaN(data17)){
validate96.errors = [{instancePath:instancePath+"/limits/default_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/default_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid5 = _errs39 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_output_bytes !== undefined){
let data18 = data16.max_output_bytes;
const _errs41 = errors;
if(!((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_output_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_output_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs41){
if(typeof data18 == "number"){
if(data18 < 0 || isNaN(data18)){
validate96.errors = [{instancePath:instancePath+"/limits/max_output_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_output_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs41 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_message_bytes !== undefined){
let data19 = data16.max_message_bytes;
const _errs43 = errors;
if(!((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_message_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_message_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs43){
if(typeof data19 == "number"){
if(data19 < 0 || isNaN(data19)){
validate96.errors = [{instancePath:instancePath+"/limits/max_message_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_message_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs43 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_queue !== undefined){
let data20 = data16.max_queue;
const _errs45 = errors;
if(!((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_queue",schemaPath:"#/definitions/LimitsInfo/properties/max_queue/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs45){
if(typeof data20 == "number"){
if(data20 < 0 || isNaN(data20)){
validate96.errors = [{instancePath:instancePath+"/limits/max_queue",schemaPath:"#/definitions/LimitsInfo/properties/max_queue/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs45 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.memory_limit_bytes !== undefined){
let data21 = data16.memory_limit_bytes;
const _errs47 = errors;
if(!((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21)))){
validate96.errors = [{instancePath:instancePath+"/limits/memory_limit_bytes",schemaPath:"#/definitions/LimitsInfo/properties/memory_limit_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs47){
if(typeof data21 == "number"){
if(data21 < 0 || isNaN(data21)){
validate96.errors = [{instancePath:instancePath+"/limits/memory_limit_bytes",schemaPath:"#/definitions/LimitsInfo/properties/memory_limit_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs47 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_display_bytes !== undefined){
let data22 = data16.max_display_bytes;
const _errs49 = errors;
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_display_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_display_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs49){
if(typeof data22 == "number"){
if(data22 < 0 || isNaN(data22)){
validate96.errors = [{instancePath:instancePath+"/limits/max_display_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_display_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs49 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_displays !== undefined){
let data23 = data16.max_displays;
const _errs51 = errors;
if(!((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_displays",schemaPath:"#/definitions/LimitsInfo/properties/max_displays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs51){
if(typeof data23 == "number"){
if(data23 < 0 || isNaN(data23)){
validate96.errors = [{instancePath:instancePath+"/limits/max_displays",schemaPath:"#/definitions/LimitsInfo/properties/max_displays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs51 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_file_bytes !== undefined){
let data24 = data16.max_file_bytes;
const _errs53 = errors;
if(!((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_file_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs53){
if(typeof data24 == "number"){
if(data24 < 0 || isNaN(data24)){
validate96.errors = [{instancePath:instancePath+"/limits/max_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_file_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs53 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_runners !== undefined){
let data25 = data16.max_runners;
const _errs55 = errors;
if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs55){
if(typeof data25 == "number"){
if(data25 < 0 || isNaN(data25)){
validate96.errors = [{instancePath:instancePath+"/limits/max_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs55 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_booting !== undefined){
let data26 = data16.max_booting;
const _errs57 = errors;
if(!((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_booting",schemaPath:"#/definitions/LimitsInfo/properties/max_booting/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs57){
if(typeof data26 == "number"){
if(data26 < 1 || isNaN(data26)){
validate96.errors = [{instancePath:instancePath+"/limits/max_booting",schemaPath:"#/definitions/LimitsInfo/properties/max_booting/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid5 = _errs57 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.admission_timeout_ms !== undefined){
let data27 = data16.admission_timeout_ms;
const _errs59 = errors;
if(!((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27)))){
validate96.errors = [{instancePath:instancePath+"/limits/admission_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/admission_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs59){
if(typeof data27 == "number"){
if(data27 < 0 || isNaN(data27)){
validate96.errors = [{instancePath:instancePath+"/limits/admission_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/admission_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs59 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.admission_queue !== undefined){
let data28 = data16.admission_queue;
const _errs61 = errors;
if(!((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28)))){
validate96.errors = [{instancePath:instancePath+"/limits/admission_queue",schemaPath:"#/definitions/LimitsInfo/properties/admission_queue/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs61){
if(typeof data28 == "number"){
if(data28 < 0 || isNaN(data28)){
validate96.errors = [{instancePath:instancePath+"/limits/admission_queue",schemaPath:"#/definitions/LimitsInfo/properties/admission_queue/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs61 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_tenant_runners !== undefined){
let data29 = data16.max_tenant_runners;
const _errs63 = errors;
if(!((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_tenant_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_runners/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs63){
if(typeof data29 == "number"){
if(data29 < 1 || isNaN(data29)){
validate96.errors = [{instancePath:instancePath+"/limits/max_tenant_runners",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_runners/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid5 = _errs63 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_tenant_sessions !== undefined){
let data30 = data16.max_tenant_sessions;
const _errs65 = errors;
if(!((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_tenant_sessions",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs65){
if(typeof data30 == "number"){
if(data30 < 0 || isNaN(data30)){
validate96.errors = [{instancePath:instancePath+"/limits/max_tenant_sessions",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs65 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_tenant_file_bytes !== undefined){
let data31 = data16.max_tenant_file_bytes;
const _errs67 = errors;
if(!((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_tenant_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_file_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs67){
if(typeof data31 == "number"){
if(data31 < 0 || isNaN(data31)){
validate96.errors = [{instancePath:instancePath+"/limits/max_tenant_file_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_tenant_file_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs67 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.max_pending_input_bytes !== undefined){
let data32 = data16.max_pending_input_bytes;
const _errs69 = errors;
if(!((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32)))){
validate96.errors = [{instancePath:instancePath+"/limits/max_pending_input_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_pending_input_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs69){
if(typeof data32 == "number"){
if(data32 < 0 || isNaN(data32)){
validate96.errors = [{instancePath:instancePath+"/limits/max_pending_input_bytes",schemaPath:"#/definitions/LimitsInfo/properties/max_pending_input_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs69 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data16.tenant_idle_timeout_ms !== undefined){
let data33 = data16.tenant_idle_timeout_ms;
const _errs71 = errors;
if(!((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33)))){
validate96.errors = [{instancePath:instancePath+"/limits/tenant_idle_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/tenant_idle_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs71){
if(typeof data33 == "number"){
if(data33 < 0 || isNaN(data33)){
validate96.errors = [{instancePath:instancePath+"/limits/tenant_idle_timeout_ms",schemaPath:"#/definitions/LimitsInfo/properties/tenant_idle_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid5 = _errs71 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate96.errors = [{instancePath:instancePath+"/limits",schemaPath:"#/definitions/LimitsInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate96.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate96.errors = vErrors;
return errors === 0;
}

export const Truncation = validate99;

function validate99(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "stdout_bytes") || (key0 === "stderr_bytes")) || (key0 === "result_chars")) || (key0 === "message_chars")) || (key0 === "traceback_chars")) || (key0 === "displays"))){
validate99.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.stdout_bytes !== undefined){
let data0 = data.stdout_bytes;
const _errs2 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate99.errors = [{instancePath:instancePath+"/stdout_bytes",schemaPath:"#/properties/stdout_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if(typeof data0 == "number"){
if(data0 < 1 || isNaN(data0)){
validate99.errors = [{instancePath:instancePath+"/stdout_bytes",schemaPath:"#/properties/stdout_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stderr_bytes !== undefined){
let data1 = data.stderr_bytes;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate99.errors = [{instancePath:instancePath+"/stderr_bytes",schemaPath:"#/properties/stderr_bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 1 || isNaN(data1)){
validate99.errors = [{instancePath:instancePath+"/stderr_bytes",schemaPath:"#/properties/stderr_bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.result_chars !== undefined){
let data2 = data.result_chars;
const _errs6 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate99.errors = [{instancePath:instancePath+"/result_chars",schemaPath:"#/properties/result_chars/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 1 || isNaN(data2)){
validate99.errors = [{instancePath:instancePath+"/result_chars",schemaPath:"#/properties/result_chars/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.message_chars !== undefined){
let data3 = data.message_chars;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate99.errors = [{instancePath:instancePath+"/message_chars",schemaPath:"#/properties/message_chars/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 1 || isNaN(data3)){
validate99.errors = [{instancePath:instancePath+"/message_chars",schemaPath:"#/properties/message_chars/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.traceback_chars !== undefined){
let data4 = data.traceback_chars;
const _errs10 = errors;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
validate99.errors = [{instancePath:instancePath+"/traceback_chars",schemaPath:"#/properties/traceback_chars/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if(typeof data4 == "number"){
if(data4 < 1 || isNaN(data4)){
validate99.errors = [{instancePath:instancePath+"/traceback_chars",schemaPath:"#/properties/traceback_chars/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.displays !== undefined){
let data5 = data.displays;
const _errs12 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate99.errors = [{instancePath:instancePath+"/displays",schemaPath:"#/properties/displays/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs12){
if(typeof data5 == "number"){
if(data5 < 1 || isNaN(data5)){
validate99.errors = [{instancePath:instancePath+"/displays",schemaPath:"#/properties/displays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate99.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate99.errors = vErrors;
return errors === 0;
}

export const VersionInfo = validate100;

function validate100(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.name === undefined) && (missing0 = "name")) || ((data.woma === undefined) && (missing0 = "woma"))) || ((data.protocol === undefined) && (missing0 = "protocol"))) || ((data.pyodide === undefined) && (missing0 = "pyodide"))) || ((data.bun === undefined) && (missing0 = "bun"))){
validate100.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "name") || (key0 === "woma")) || (key0 === "protocol")) || (key0 === "pyodide")) || (key0 === "python")) || (key0 === "bun"))){
validate100.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.name !== undefined){
const _errs2 = errors;
if(typeof data.name !== "string"){
validate100.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.woma !== undefined){
const _errs4 = errors;
if(typeof data.woma !== "string"){
validate100.errors = [{instancePath:instancePath+"/woma",schemaPath:"#/properties/woma/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.protocol !== undefined){
const _errs6 = errors;
if(typeof data.protocol !== "string"){
validate100.errors = [{instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.pyodide !== undefined){
const _errs8 = errors;
if(typeof data.pyodide !== "string"){
validate100.errors = [{instancePath:instancePath+"/pyodide",schemaPath:"#/properties/pyodide/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.python !== undefined){
const _errs10 = errors;
if(typeof data.python !== "string"){
validate100.errors = [{instancePath:instancePath+"/python",schemaPath:"#/properties/python/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.bun !== undefined){
const _errs12 = errors;
if(typeof data.bun !== "string"){
validate100.errors = [{instancePath:instancePath+"/bun",schemaPath:"#/properties/bun/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate100.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate100.errors = vErrors;
return errors === 0;
}
