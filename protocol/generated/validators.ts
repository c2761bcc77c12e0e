/**
 * Validators of the protocol's params, compiled ahead of time from schema/protocol.schema.json.
 * DO NOT EDIT: change the schema and run `npm run schema:gen`.
 */
// @ts-nocheck
import { codePointLength } from "../code-points.ts";
export const CheckParams = validate11;
const schema12 = {"title":"CheckParams","description":"Params of `python/check`: is this snippet a complete statement, by the rule Python's own REPL uses?","type":"object","additionalProperties":false,"required":["code"],"properties":{"code":{"description":"The source typed so far, lines joined by '\\n'.","type":"string"}}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.code === undefined) && (missing0 = "code")){
validate11.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "code")){
validate11.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.code !== undefined){
if(typeof data.code !== "string"){
validate11.errors = [{instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
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

export const CompleteParams = validate12;
const schema13 = {"title":"CompleteParams","description":"@since 1.1. Params of `python/complete`: completions at the cursor, in a session's namespace (or the built-ins without one), as Jupyter's `complete_request`. No user code runs: names are looked up, never evaluated.","type":"object","additionalProperties":false,"required":["code"],"properties":{"code":{"description":"The source being typed (may span lines).","type":"string","maxLength":1048576},"cursor":{"description":"Cursor position in `code`, in characters (Unicode code points). Default: the end of `code`.","type":"integer","minimum":0},"session_id":{"$ref":"#/definitions/SessionId","description":"Complete names of this session's globals too."}}};
const schema14 = {"title":"SessionId","description":"A session's name: 1 to 128 characters of letters, digits, '.', '_', ':' or '-'.","type":"string","pattern":"^[A-Za-z0-9._:-]{1,128}$"};
const func2 = codePointLength;
const pattern0 = new RegExp("^[A-Za-z0-9._:-]{1,128}$", "u");

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.code === undefined) && (missing0 = "code")){
validate12.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "code") || (key0 === "cursor")) || (key0 === "session_id"))){
validate12.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.code !== undefined){
let data0 = data.code;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func2(data0) > 1048576){
validate12.errors = [{instancePath:instancePath+"/code",schemaPath:"#/properties/code/maxLength",keyword:"maxLength",params:{limit: 1048576},message:"must NOT have more than 1048576 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cursor !== undefined){
let data1 = data.cursor;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate12.errors = [{instancePath:instancePath+"/cursor",schemaPath:"#/properties/cursor/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate12.errors = [{instancePath:instancePath+"/cursor",schemaPath:"#/properties/cursor/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
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
if(data.session_id !== undefined){
let data2 = data.session_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate12.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
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
validate12.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate12.errors = vErrors;
return errors === 0;
}

export const FilesDeleteParams = validate13;
const schema15 = {"title":"FilesDeleteParams","description":"@since 1.1. Params of `files/delete`: deletes a file, a symbolic link (not what it points to) or, with `recursive`, a directory and everything in it.","type":"object","additionalProperties":false,"required":["session_id","path"],"properties":{"session_id":{"$ref":"#/definitions/SessionId"},"path":{"$ref":"#/definitions/FilePath"},"recursive":{"description":"Delete a directory that is not empty. Default false.","type":"boolean"}}};
const schema17 = {"title":"FilePath","description":"A path in a session's working directory: relative to it, or absolute within it. `..` that leaves it, absolute paths elsewhere and symbolic links on the way are refused.","type":"string","minLength":1,"maxLength":4096,"pattern":"^[^\\u0000]*$"};
const pattern2 = new RegExp("^[^\\u0000]*$", "u");

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.session_id === undefined) && (missing0 = "session_id")) || ((data.path === undefined) && (missing0 = "path"))){
validate13.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "session_id") || (key0 === "path")) || (key0 === "recursive"))){
validate13.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate13.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate13.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 4096){
validate13.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate13.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(!pattern2.test(data1)){
validate13.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]*$"},message:"must match pattern \""+"^[^\\u0000]*$"+"\""}];
return false;
}
}
}
}
else {
validate13.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recursive !== undefined){
const _errs8 = errors;
if(typeof data.recursive !== "boolean"){
validate13.errors = [{instancePath:instancePath+"/recursive",schemaPath:"#/properties/recursive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
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
validate13.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate13.errors = vErrors;
return errors === 0;
}

export const FilesListParams = validate14;
const schema18 = {"title":"FilesListParams","description":"@since 1.1. Params of `files/list`: the entries of a directory of a session's working directory. Symbolic links are listed, never followed.","type":"object","additionalProperties":false,"required":["session_id"],"properties":{"session_id":{"$ref":"#/definitions/SessionId"},"path":{"$ref":"#/definitions/FilePath","description":"The directory. Default: the working directory itself."},"recursive":{"description":"Also list what subdirectories hold. Default false.","type":"boolean"}}};

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.session_id === undefined) && (missing0 = "session_id")){
validate14.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "session_id") || (key0 === "path")) || (key0 === "recursive"))){
validate14.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate14.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate14.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 4096){
validate14.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate14.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(!pattern2.test(data1)){
validate14.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]*$"},message:"must match pattern \""+"^[^\\u0000]*$"+"\""}];
return false;
}
}
}
}
else {
validate14.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.recursive !== undefined){
const _errs8 = errors;
if(typeof data.recursive !== "boolean"){
validate14.errors = [{instancePath:instancePath+"/recursive",schemaPath:"#/properties/recursive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
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
validate14.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate14.errors = vErrors;
return errors === 0;
}

export const FilesReadParams = validate15;
const schema21 = {"title":"FilesReadParams","description":"@since 1.1. Params of `files/read`: reads a file of a session's working directory.","type":"object","additionalProperties":false,"required":["session_id","path"],"properties":{"session_id":{"$ref":"#/definitions/SessionId"},"path":{"$ref":"#/definitions/FilePath"},"encoding":{"$ref":"#/definitions/FileEncoding","description":"How to return the content. Default `utf-8`, which fails for bytes that are not UTF-8 text (ask for `base64` then)."}}};
const schema24 = {"title":"FileEncoding","description":"How a file's bytes travel: `utf-8` as text, `base64` for any bytes.","type":"string","enum":["utf-8","base64"]};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.session_id === undefined) && (missing0 = "session_id")) || ((data.path === undefined) && (missing0 = "path"))){
validate15.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "session_id") || (key0 === "path")) || (key0 === "encoding"))){
validate15.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate15.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate15.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 4096){
validate15.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate15.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(!pattern2.test(data1)){
validate15.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]*$"},message:"must match pattern \""+"^[^\\u0000]*$"+"\""}];
return false;
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.encoding !== undefined){
let data2 = data.encoding;
const _errs8 = errors;
if(typeof data2 !== "string"){
validate15.errors = [{instancePath:instancePath+"/encoding",schemaPath:"#/definitions/FileEncoding/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data2 === "utf-8") || (data2 === "base64"))){
validate15.errors = [{instancePath:instancePath+"/encoding",schemaPath:"#/definitions/FileEncoding/enum",keyword:"enum",params:{allowedValues: schema24.enum},message:"must be equal to one of the allowed values"}];
return false;
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

export const FilesWriteParams = validate16;
const schema25 = {"title":"FilesWriteParams","description":"@since 1.1. Params of `files/write`: writes a file in a session's working directory (its runner's virtual file system), creating missing directories; an existing file is replaced.","type":"object","additionalProperties":false,"required":["session_id","path","content"],"properties":{"session_id":{"$ref":"#/definitions/SessionId"},"path":{"$ref":"#/definitions/FilePath"},"content":{"description":"The file's content, encoded as `encoding` says. At most `max_file_bytes` once decoded.","type":"string"},"encoding":{"$ref":"#/definitions/FileEncoding","description":"How `content` is encoded. Default `utf-8`."}}};

function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.session_id === undefined) && (missing0 = "session_id")) || ((data.path === undefined) && (missing0 = "path"))) || ((data.content === undefined) && (missing0 = "content"))){
validate16.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "session_id") || (key0 === "path")) || (key0 === "content")) || (key0 === "encoding"))){
validate16.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate16.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate16.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs5 = errors;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 4096){
validate16.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate16.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(!pattern2.test(data1)){
validate16.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/pattern",keyword:"pattern",params:{pattern: "^[^\\u0000]*$"},message:"must match pattern \""+"^[^\\u0000]*$"+"\""}];
return false;
}
}
}
}
else {
validate16.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/FilePath/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
const _errs8 = errors;
if(typeof data.content !== "string"){
validate16.errors = [{instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.encoding !== undefined){
let data3 = data.encoding;
const _errs10 = errors;
if(typeof data3 !== "string"){
validate16.errors = [{instancePath:instancePath+"/encoding",schemaPath:"#/definitions/FileEncoding/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data3 === "utf-8") || (data3 === "base64"))){
validate16.errors = [{instancePath:instancePath+"/encoding",schemaPath:"#/definitions/FileEncoding/enum",keyword:"enum",params:{allowedValues: schema24.enum},message:"must be equal to one of the allowed values"}];
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
else {
validate16.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate16.errors = vErrors;
return errors === 0;
}

export const InfoParams = validate17;
const schema29 = {"title":"InfoParams","description":"Params of `daemon/info` (none).","type":"object","additionalProperties":false,"properties":{}};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate17.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
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

export const InitializeParams = validate18;
const schema30 = {"title":"InitializeParams","description":"Params of `daemon/initialize`, the optional handshake. Other methods work without it.","type":"object","additionalProperties":false,"required":["protocol_version"],"properties":{"protocol_version":{"description":"The protocol version the client speaks, as MAJOR.MINOR. The daemon refuses a different MAJOR.","type":"string","pattern":"^[0-9]+\\.[0-9]+$"},"client_name":{"description":"A short name of the client, for the daemon's log.","type":"string","maxLength":200},"tenant":{"$ref":"#/definitions/TenantName","description":"@since 1.1. The tenant this connection acts for. Connections naming the same tenant share its sessions (the Unix socket is owner-only, so only its owner can name one); without it the connection is a tenant of its own. Must come before any request that creates state on this connection."}}};
const schema31 = {"title":"TenantName","description":"A tenant's name: letters, digits and `._:@-`, starting with a letter or digit, at most 128 characters.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"};
const pattern9 = new RegExp("^[0-9]+\\.[0-9]+$", "u");
const pattern10 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$", "u");

function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.protocol_version === undefined) && (missing0 = "protocol_version")){
validate18.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "protocol_version") || (key0 === "client_name")) || (key0 === "tenant"))){
validate18.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.protocol_version !== undefined){
let data0 = data.protocol_version;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern9.test(data0)){
validate18.errors = [{instancePath:instancePath+"/protocol_version",schemaPath:"#/properties/protocol_version/pattern",keyword:"pattern",params:{pattern: "^[0-9]+\\.[0-9]+$"},message:"must match pattern \""+"^[0-9]+\\.[0-9]+$"+"\""}];
return false;
}
}
else {
validate18.errors = [{instancePath:instancePath+"/protocol_version",schemaPath:"#/properties/protocol_version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.client_name !== undefined){
let data1 = data.client_name;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 200){
validate18.errors = [{instancePath:instancePath+"/client_name",schemaPath:"#/properties/client_name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"}];
return false;
}
}
else {
validate18.errors = [{instancePath:instancePath+"/client_name",schemaPath:"#/properties/client_name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tenant !== undefined){
let data2 = data.tenant;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern10.test(data2)){
validate18.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/definitions/TenantName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"+"\""}];
return false;
}
}
else {
validate18.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/definitions/TenantName/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
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
validate18.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate18.errors = vErrors;
return errors === 0;
}

export const InputParams = validate19;
const schema32 = {"title":"InputParams","description":"@since 1.1. Params of `python/input`, a request the daemon sends the client (daemon to client) whose run called input() or getpass past the end of its `stdin`, when the run gave `allow_stdin`. The run waits for the answer (its timeout still counts).","type":"object","additionalProperties":false,"required":["run_id","prompt","password"],"properties":{"run_id":{"$ref":"#/definitions/RunId"},"session_id":{"description":"The session of the run, or null for a run in fresh globals.","anyOf":[{"$ref":"#/definitions/SessionId"},{"type":"null"}]},"prompt":{"description":"The prompt given to input() or getpass(); it is not also printed to stdout, so the client shows it.","type":"string"},"password":{"description":"True for getpass.getpass(): do not echo what the user types.","type":"boolean"}}};
const schema33 = {"title":"RunId","description":"A run's identifier, chosen by the client or else by the daemon (`run-N`, numbering the tenant's own runs): 1 to 128 characters of letters, digits, '.', '_', ':' or '-'.","type":"string","pattern":"^[A-Za-z0-9._:-]{1,128}$"};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.run_id === undefined) && (missing0 = "run_id")) || ((data.prompt === undefined) && (missing0 = "prompt"))) || ((data.password === undefined) && (missing0 = "password"))){
validate19.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "run_id") || (key0 === "session_id")) || (key0 === "prompt")) || (key0 === "password"))){
validate19.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate19.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate19.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
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
validate19.errors = vErrors;
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
if(data.prompt !== undefined){
const _errs12 = errors;
if(typeof data.prompt !== "string"){
validate19.errors = [{instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.password !== undefined){
const _errs14 = errors;
if(typeof data.password !== "boolean"){
validate19.errors = [{instancePath:instancePath+"/password",schemaPath:"#/properties/password/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs14 === errors;
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
validate19.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate19.errors = vErrors;
return errors === 0;
}

export const InspectParams = validate20;
const schema35 = {"title":"InspectParams","description":"@since 1.1. Params of `python/inspect`: the signature and docstring of the name at the cursor, as Jupyter's `inspect_request`. No user code runs.","type":"object","additionalProperties":false,"required":["code"],"properties":{"code":{"description":"The source being typed.","type":"string","maxLength":1048576},"cursor":{"description":"Cursor position in `code`, in code points. Default: the end of `code`.","type":"integer","minimum":0},"session_id":{"$ref":"#/definitions/SessionId","description":"Look names up in this session's globals too."}}};

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.code === undefined) && (missing0 = "code")){
validate20.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "code") || (key0 === "cursor")) || (key0 === "session_id"))){
validate20.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.code !== undefined){
let data0 = data.code;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func2(data0) > 1048576){
validate20.errors = [{instancePath:instancePath+"/code",schemaPath:"#/properties/code/maxLength",keyword:"maxLength",params:{limit: 1048576},message:"must NOT have more than 1048576 characters"}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cursor !== undefined){
let data1 = data.cursor;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate20.errors = [{instancePath:instancePath+"/cursor",schemaPath:"#/properties/cursor/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate20.errors = [{instancePath:instancePath+"/cursor",schemaPath:"#/properties/cursor/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
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
if(data.session_id !== undefined){
let data2 = data.session_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate20.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
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
validate20.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate20.errors = vErrors;
return errors === 0;
}

export const MetricsParams = validate21;
const schema37 = {"title":"MetricsParams","description":"@since 1.3. Params of `daemon/metrics` (none).","type":"object","additionalProperties":false,"properties":{}};

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
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

export const PackagesInstallParams = validate22;
const schema38 = {"title":"PackagesInstallParams","description":"@since 1.1. Params of `packages/install`: packages to install for the calling connection's tenant. The daemon resolves, fetches and verifies them; each of the tenant's runners installs them before its next run.","type":"object","additionalProperties":false,"required":["requirements"],"properties":{"requirements":{"description":"What to install: names from Pyodide's distribution (`numpy`), PEP 508 requirements from the configured index (`tabulate>=0.9`), wheel URLs (checked against the network policy), or, with `local_files`, wheel paths on the daemon's machine.","type":"array","minItems":1,"maxItems":100,"items":{"type":"string","minLength":1,"maxLength":2000}},"session_id":{"$ref":"#/definitions/SessionId","description":"Install now into this session's runner (the others of the tenant get them before their next run)."},"local_files":{"description":"Allow wheel paths and file: URLs on the daemon's machine. For a local user only: a client acting for remote users (the MCP server, the REST bridge) never sets it. Default false.","type":"boolean"}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.requirements === undefined) && (missing0 = "requirements")){
validate22.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "requirements") || (key0 === "session_id")) || (key0 === "local_files"))){
validate22.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.requirements !== undefined){
let data0 = data.requirements;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
if(data0.length > 100){
validate22.errors = [{instancePath:instancePath+"/requirements",schemaPath:"#/properties/requirements/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
if(data0.length < 1){
validate22.errors = [{instancePath:instancePath+"/requirements",schemaPath:"#/properties/requirements/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 2000){
validate22.errors = [{instancePath:instancePath+"/requirements/" + i0,schemaPath:"#/properties/requirements/items/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate22.errors = [{instancePath:instancePath+"/requirements/" + i0,schemaPath:"#/properties/requirements/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate22.errors = [{instancePath:instancePath+"/requirements/" + i0,schemaPath:"#/properties/requirements/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
}
}
else {
validate22.errors = [{instancePath:instancePath+"/requirements",schemaPath:"#/properties/requirements/type",keyword:"type",params:{type: "array"},message:"must be array"}];
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
let data2 = data.session_id;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate22.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.local_files !== undefined){
const _errs9 = errors;
if(typeof data.local_files !== "boolean"){
validate22.errors = [{instancePath:instancePath+"/local_files",schemaPath:"#/properties/local_files/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
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
else {
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}

export const PackagesListParams = validate23;
const schema40 = {"title":"PackagesListParams","description":"@since 1.1. Params of `packages/list` (none).","type":"object","additionalProperties":false,"properties":{}};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate23.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
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

export const RunParams = validate24;
const schema41 = {"title":"RunParams","description":"Params of `python/run`.","type":"object","additionalProperties":false,"required":["code"],"properties":{"code":{"description":"Python source to run. Lines that share leading indentation are dedented first. The value of a last expression is returned as its repr, unless the code ends with ';'. Top-level `await` is allowed.","type":"string"},"session_id":{"$ref":"#/definitions/SessionId"},"reset_globals":{"description":"Run in fresh globals that are thrown away afterwards, leaving the session's own globals untouched. Default false.","type":"boolean"},"timeout_ms":{"description":"Time the run may take, in milliseconds, counted from when it starts executing. At the deadline the code gets KeyboardInterrupt; if it has not stopped shortly after, its runner is killed. Default: the daemon's `default_timeout_ms`; 0 means none. When `default_timeout_ms` is not 0 it is also the most a run gets: a larger value, or 0, gets `default_timeout_ms`. At most 2147483647 (about 24.8 days, the longest timer JavaScript keeps); a larger value is an invalid-params error.","type":"integer","minimum":0,"maximum":2147483647},"run_id":{"$ref":"#/definitions/RunId"},"stdin":{"description":"@since 1.1. Text that answers the run's input(), sys.stdin.readline(), sys.stdin.read() and getpass.getpass(), a line at a time, as a pipe into python would. When it is used up (or absent), input() raises EOFError at once, unless `allow_stdin` lets the daemon ask the client.","type":"string"},"allow_stdin":{"description":"@since 1.1. True when this connection answers `python/input` requests: input() past the end of `stdin` is then asked of it (the REPL asks its user). Default false.","type":"boolean"},"display_notifications":{"description":"@since 1.1. False: display outputs arrive only in the result, not also as `python/display` notifications (a client that does not show them while the run goes saves sending images twice). Default true.","type":"boolean"},"output_notifications":{"description":"@since 1.3. False: the run's output arrives only in the result (and in the data of an error that ends the run), not also as `python/output` notifications: a client that does not show output while the run goes (a REST bridge) saves receiving it twice. Default true.","type":"boolean"},"stream_all_output":{"description":"@since 1.2. True: everything the run prints streams as `python/output`, past the daemon's `max_output_bytes`; the result (and the data of an error that ends the run) still keeps at most that many bytes of each stream and counts the rest in `truncated`. For a client that shows output as it comes and keeps none of it, such as a terminal. Default false: the stream stops at the cap too.","type":"boolean"}}};
const func15 = Object.prototype.hasOwnProperty;

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.code === undefined) && (missing0 = "code")){
validate24.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func15.call(schema41.properties, key0))){
validate24.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.code !== undefined){
const _errs2 = errors;
if(typeof data.code !== "string"){
validate24.errors = [{instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.session_id !== undefined){
let data1 = data.session_id;
const _errs4 = errors;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
validate24.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate24.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reset_globals !== undefined){
const _errs7 = errors;
if(typeof data.reset_globals !== "boolean"){
validate24.errors = [{instancePath:instancePath+"/reset_globals",schemaPath:"#/properties/reset_globals/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timeout_ms !== undefined){
let data3 = data.timeout_ms;
const _errs9 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate24.errors = [{instancePath:instancePath+"/timeout_ms",schemaPath:"#/properties/timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs9){
if(typeof data3 == "number"){
if(data3 > 2147483647 || isNaN(data3)){
validate24.errors = [{instancePath:instancePath+"/timeout_ms",schemaPath:"#/properties/timeout_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate24.errors = [{instancePath:instancePath+"/timeout_ms",schemaPath:"#/properties/timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.run_id !== undefined){
let data4 = data.run_id;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data4 === "string"){
if(!pattern0.test(data4)){
validate24.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate24.errors = [{instancePath:instancePath+"/run_id",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stdin !== undefined){
const _errs14 = errors;
if(typeof data.stdin !== "string"){
validate24.errors = [{instancePath:instancePath+"/stdin",schemaPath:"#/properties/stdin/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.allow_stdin !== undefined){
const _errs16 = errors;
if(typeof data.allow_stdin !== "boolean"){
validate24.errors = [{instancePath:instancePath+"/allow_stdin",schemaPath:"#/properties/allow_stdin/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.display_notifications !== undefined){
const _errs18 = errors;
if(typeof data.display_notifications !== "boolean"){
validate24.errors = [{instancePath:instancePath+"/display_notifications",schemaPath:"#/properties/display_notifications/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.output_notifications !== undefined){
const _errs20 = errors;
if(typeof data.output_notifications !== "boolean"){
validate24.errors = [{instancePath:instancePath+"/output_notifications",schemaPath:"#/properties/output_notifications/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stream_all_output !== undefined){
const _errs22 = errors;
if(typeof data.stream_all_output !== "boolean"){
validate24.errors = [{instancePath:instancePath+"/stream_all_output",schemaPath:"#/properties/stream_all_output/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
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
validate24.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate24.errors = vErrors;
return errors === 0;
}

export const SessionCloseParams = validate25;
const schema44 = {"title":"SessionCloseParams","description":"Params of `session/close`.","type":"object","additionalProperties":false,"required":["session_id"],"properties":{"session_id":{"$ref":"#/definitions/SessionId"}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.session_id === undefined) && (missing0 = "session_id")){
validate25.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "session_id")){
validate25.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate25.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate25.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
}
else {
validate25.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate25.errors = vErrors;
return errors === 0;
}

export const SessionCreateParams = validate26;
const schema46 = {"title":"SessionCreateParams","description":"Params of `session/create`.","type":"object","additionalProperties":false,"properties":{"session_id":{"$ref":"#/definitions/SessionId"},"fresh_interpreter":{"description":"Give the session a brand-new interpreter in a runner of its own, so no imported module or file is shared with any other session. Default false: the session shares its runner's interpreter and has only its own globals.","type":"boolean"},"idle_timeout_ms":{"description":"Close the session after this long without a run, in milliseconds, at most 2147483647 (about 24.8 days). Default: never.","type":"integer","minimum":1,"maximum":2147483647}}};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "session_id") || (key0 === "fresh_interpreter")) || (key0 === "idle_timeout_ms"))){
validate26.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate26.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate26.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.fresh_interpreter !== undefined){
const _errs5 = errors;
if(typeof data.fresh_interpreter !== "boolean"){
validate26.errors = [{instancePath:instancePath+"/fresh_interpreter",schemaPath:"#/properties/fresh_interpreter/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.idle_timeout_ms !== undefined){
let data2 = data.idle_timeout_ms;
const _errs7 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate26.errors = [{instancePath:instancePath+"/idle_timeout_ms",schemaPath:"#/properties/idle_timeout_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if(typeof data2 == "number"){
if(data2 > 2147483647 || isNaN(data2)){
validate26.errors = [{instancePath:instancePath+"/idle_timeout_ms",schemaPath:"#/properties/idle_timeout_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data2 < 1 || isNaN(data2)){
validate26.errors = [{instancePath:instancePath+"/idle_timeout_ms",schemaPath:"#/properties/idle_timeout_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
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
else {
validate26.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate26.errors = vErrors;
return errors === 0;
}

export const SessionListParams = validate27;
const schema48 = {"title":"SessionListParams","description":"Params of `session/list` (none).","type":"object","additionalProperties":false,"properties":{}};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate27.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
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

export const SessionResetParams = validate28;
const schema49 = {"title":"SessionResetParams","description":"Params of `session/reset`: empty a session's globals. A lost session is brought back, empty, on a live runner.","type":"object","additionalProperties":false,"required":["session_id"],"properties":{"session_id":{"$ref":"#/definitions/SessionId"}}};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.session_id === undefined) && (missing0 = "session_id")){
validate28.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "session_id")){
validate28.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
validate28.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._:-]{1,128}$"},message:"must match pattern \""+"^[A-Za-z0-9._:-]{1,128}$"+"\""}];
return false;
}
}
else {
validate28.errors = [{instancePath:instancePath+"/session_id",schemaPath:"#/definitions/SessionId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
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

export const ShutdownParams = validate29;
const schema51 = {"title":"ShutdownParams","description":"Params of `daemon/shutdown` (none).","type":"object","additionalProperties":false,"properties":{}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate29.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate29.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate29.errors = vErrors;
return errors === 0;
}

export const TenantsParams = validate30;
const schema52 = {"title":"TenantsParams","description":"@since 1.3. Params of `daemon/tenants` (none). Answered only on operator connections (see `Capabilities.operator`); any other connection gets -32600.","type":"object","additionalProperties":false,"properties":{}};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate30.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
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
