/**
 * Validators of what a runner sends, compiled ahead of time from daemon/contract/runner.schema.json.
 * DO NOT EDIT: change the schema and run `npm run schema:gen`.
 */
// @ts-nocheck
import { codePointLength } from "../../../protocol/code-points.ts";
export const FilesAnswer = validate11;
const schema12 = {"title":"FilesAnswer","description":"Result of `runner/files`: what it did, or why it did nothing.","oneOf":[{"$ref":"#/definitions/FilesDone"},{"$ref":"#/definitions/FilesRefused"}]};
const schema15 = {"type":"object","required":["ok","kind","message"],"additionalProperties":false,"properties":{"ok":{"const":false,"description":"It was not done."},"kind":{"enum":["not-found","refused","too-large","invalid"],"description":"What went wrong.","title":"FilesProblem"},"message":{"type":"string","maxLength":2000,"description":"A sentence saying what."}},"title":"FilesRefused","description":"Why it did nothing."};
const schema13 = {"type":"object","required":["ok","path"],"additionalProperties":false,"properties":{"ok":{"const":true,"description":"It was done."},"path":{"type":"string","maxLength":8192,"description":"The path, relative to the working directory."},"size":{"type":"integer","minimum":0,"description":"Bytes of the file."},"data":{"type":"string","description":"The content read, base64 (measured against the file size cap by the daemon)."},"entries":{"type":"array","maxItems":10000,"items":{"$ref":"#/definitions/RunnerFileEntry"},"description":"What a listing found."},"truncated":{"type":"boolean","description":"The listing stopped at its cap."},"usage":{"type":"integer","minimum":0,"description":"After a write with `maxTotalBytes`: the bytes of the files under the home directory."}},"title":"FilesDone","description":"What the operation did."};
const schema14 = {"type":"object","required":["path","type","size","modified"],"additionalProperties":false,"properties":{"path":{"type":"string","maxLength":8192,"description":"Relative path."},"type":{"enum":["file","directory","symlink","other"],"description":"What it is."},"size":{"type":"integer","minimum":0,"description":"Bytes (0 for a directory)."},"modified":{"type":"string","maxLength":40,"description":"Last modified, ISO 8601."}},"title":"RunnerFileEntry","description":"One entry of a listing.","tsType":"FileEntry"};
const func2 = codePointLength;

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.ok === undefined) && (missing0 = "ok")) || ((data.path === undefined) && (missing0 = "path"))){
validate12.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "ok") || (key0 === "path")) || (key0 === "size")) || (key0 === "data")) || (key0 === "entries")) || (key0 === "truncated")) || (key0 === "usage"))){
validate12.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.ok !== undefined){
const _errs2 = errors;
if(true !== data.ok){
validate12.errors = [{instancePath:instancePath+"/ok",schemaPath:"#/properties/ok/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.path !== undefined){
let data1 = data.path;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(func2(data1) > 8192){
validate12.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.size !== undefined){
let data2 = data.size;
const _errs5 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate12.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs5){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate12.errors = [{instancePath:instancePath+"/size",schemaPath:"#/properties/size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.data !== undefined){
const _errs7 = errors;
if(typeof data.data !== "string"){
validate12.errors = [{instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.entries !== undefined){
let data4 = data.entries;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data4)){
if(data4.length > 10000){
validate12.errors = [{instancePath:instancePath+"/entries",schemaPath:"#/properties/entries/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if(((((data5.path === undefined) && (missing1 = "path")) || ((data5.type === undefined) && (missing1 = "type"))) || ((data5.size === undefined) && (missing1 = "size"))) || ((data5.modified === undefined) && (missing1 = "modified"))){
validate12.errors = [{instancePath:instancePath+"/entries/" + i0,schemaPath:"#/definitions/RunnerFileEntry/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs14 = errors;
for(const key1 in data5){
if(!((((key1 === "path") || (key1 === "type")) || (key1 === "size")) || (key1 === "modified"))){
validate12.errors = [{instancePath:instancePath+"/entries/" + i0,schemaPath:"#/definitions/RunnerFileEntry/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs14 === errors){
if(data5.path !== undefined){
let data6 = data5.path;
const _errs15 = errors;
if(errors === _errs15){
if(typeof data6 === "string"){
if(func2(data6) > 8192){
validate12.errors = [{instancePath:instancePath+"/entries/" + i0+"/path",schemaPath:"#/definitions/RunnerFileEntry/properties/path/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/entries/" + i0+"/path",schemaPath:"#/definitions/RunnerFileEntry/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs15 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.type !== undefined){
let data7 = data5.type;
const _errs17 = errors;
if(!((((data7 === "file") || (data7 === "directory")) || (data7 === "symlink")) || (data7 === "other"))){
validate12.errors = [{instancePath:instancePath+"/entries/" + i0+"/type",schemaPath:"#/definitions/RunnerFileEntry/properties/type/enum",keyword:"enum",params:{allowedValues: schema14.properties.type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid3 = _errs17 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.size !== undefined){
let data8 = data5.size;
const _errs18 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate12.errors = [{instancePath:instancePath+"/entries/" + i0+"/size",schemaPath:"#/definitions/RunnerFileEntry/properties/size/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs18){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate12.errors = [{instancePath:instancePath+"/entries/" + i0+"/size",schemaPath:"#/definitions/RunnerFileEntry/properties/size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs18 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.modified !== undefined){
let data9 = data5.modified;
const _errs20 = errors;
if(errors === _errs20){
if(typeof data9 === "string"){
if(func2(data9) > 40){
validate12.errors = [{instancePath:instancePath+"/entries/" + i0+"/modified",schemaPath:"#/definitions/RunnerFileEntry/properties/modified/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/entries/" + i0+"/modified",schemaPath:"#/definitions/RunnerFileEntry/properties/modified/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs20 === errors;
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
else {
validate12.errors = [{instancePath:instancePath+"/entries/" + i0,schemaPath:"#/definitions/RunnerFileEntry/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs11 === errors;
if(!valid1){
break;
}
}
}
}
else {
validate12.errors = [{instancePath:instancePath+"/entries",schemaPath:"#/properties/entries/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
const _errs22 = errors;
if(typeof data.truncated !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.usage !== undefined){
let data11 = data.usage;
const _errs24 = errors;
if(!((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11)))){
validate12.errors = [{instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs24){
if(typeof data11 == "number"){
if(data11 < 0 || isNaN(data11)){
validate12.errors = [{instancePath:instancePath+"/usage",schemaPath:"#/properties/usage/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs24 === errors;
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
validate12.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate12.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(validate12(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.ok === undefined) && (missing0 = "ok")) || ((data.kind === undefined) && (missing0 = "kind"))) || ((data.message === undefined) && (missing0 = "message"))){
const err0 = {instancePath,schemaPath:"#/definitions/FilesRefused/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
const _errs5 = errors;
for(const key0 in data){
if(!(((key0 === "ok") || (key0 === "kind")) || (key0 === "message"))){
const err1 = {instancePath,schemaPath:"#/definitions/FilesRefused/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
break;
}
}
if(_errs5 === errors){
if(data.ok !== undefined){
const _errs6 = errors;
if(false !== data.ok){
const err2 = {instancePath:instancePath+"/ok",schemaPath:"#/definitions/FilesRefused/properties/ok/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.kind !== undefined){
let data1 = data.kind;
const _errs7 = errors;
if(!((((data1 === "not-found") || (data1 === "refused")) || (data1 === "too-large")) || (data1 === "invalid"))){
const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/FilesRefused/properties/kind/enum",keyword:"enum",params:{allowedValues: schema15.properties.kind.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.message !== undefined){
let data2 = data.message;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data2 === "string"){
if(func2(data2) > 2000){
const err4 = {instancePath:instancePath+"/message",schemaPath:"#/definitions/FilesRefused/properties/message/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/message",schemaPath:"#/definitions/FilesRefused/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var valid2 = _errs8 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/definitions/FilesRefused/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err7 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
validate11.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate11.errors = vErrors;
return errors === 0;
}

export const RelayRequest = validate14;
const schema16 = {"type":"object","required":["runId","url"],"additionalProperties":false,"properties":{"runId":{"description":"The run asking.","allOf":[{"$ref":"#/definitions/RunId"}]},"url":{"type":"string","minLength":1,"maxLength":16384,"description":"The URL, after the URL parser's encoding."},"method":{"type":"string","pattern":"^[A-Za-z]{1,20}$","description":"The method: 1 to 20 letters."},"headers":{"type":"array","maxItems":200,"items":{"type":"array","minItems":2,"maxItems":2,"items":{"type":"string","maxLength":65536}},"description":"Request headers, as name and value pairs.","tsType":"[string, string][]"},"body":{"type":"string","maxLength":22369624,"description":"The request body, base64."},"redirect":{"enum":["manual","follow"],"description":"Whether the broker follows redirects (each hop checked again)."},"timeoutMs":{"type":"number","minimum":0,"maximum":2147483647,"description":"A timeout the library asked for, in ms: the broker bounds the request by it."}},"title":"RelayRequest","description":"Params of `runner/fetch`: an HTTP request for the daemon's broker (the body in base64, since the channel is JSON)."};
const schema17 = {"title":"RunId","description":"A run's id as the daemon gave it (RunId in the public schema: at most 128 characters).","type":"string","maxLength":128};
const pattern0 = new RegExp("^[A-Za-z]{1,20}$", "u");

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.runId === undefined) && (missing0 = "runId")) || ((data.url === undefined) && (missing0 = "url"))){
validate14.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "runId") || (key0 === "url")) || (key0 === "method")) || (key0 === "headers")) || (key0 === "body")) || (key0 === "redirect")) || (key0 === "timeoutMs"))){
validate14.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runId !== undefined){
let data0 = data.runId;
const _errs2 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data0 === "string"){
if(func2(data0) > 128){
validate14.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate14.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.url !== undefined){
let data1 = data.url;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 16384){
validate14.errors = [{instancePath:instancePath+"/url",schemaPath:"#/properties/url/maxLength",keyword:"maxLength",params:{limit: 16384},message:"must NOT have more than 16384 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate14.errors = [{instancePath:instancePath+"/url",schemaPath:"#/properties/url/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate14.errors = [{instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.method !== undefined){
let data2 = data.method;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate14.errors = [{instancePath:instancePath+"/method",schemaPath:"#/properties/method/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z]{1,20}$"},message:"must match pattern \""+"^[A-Za-z]{1,20}$"+"\""}];
return false;
}
}
else {
validate14.errors = [{instancePath:instancePath+"/method",schemaPath:"#/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.headers !== undefined){
let data3 = data.headers;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data3)){
if(data3.length > 200){
validate14.errors = [{instancePath:instancePath+"/headers",schemaPath:"#/properties/headers/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items"}];
return false;
}
else {
var valid3 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
const _errs12 = errors;
if(errors === _errs12){
if(Array.isArray(data4)){
if(data4.length > 2){
validate14.errors = [{instancePath:instancePath+"/headers/" + i0,schemaPath:"#/properties/headers/items/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items"}];
return false;
}
else {
if(data4.length < 2){
validate14.errors = [{instancePath:instancePath+"/headers/" + i0,schemaPath:"#/properties/headers/items/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items"}];
return false;
}
else {
var valid4 = true;
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
const _errs14 = errors;
if(errors === _errs14){
if(typeof data5 === "string"){
if(func2(data5) > 65536){
validate14.errors = [{instancePath:instancePath+"/headers/" + i0+"/" + i1,schemaPath:"#/properties/headers/items/items/maxLength",keyword:"maxLength",params:{limit: 65536},message:"must NOT have more than 65536 characters"}];
return false;
}
}
else {
validate14.errors = [{instancePath:instancePath+"/headers/" + i0+"/" + i1,schemaPath:"#/properties/headers/items/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs14 === errors;
if(!valid4){
break;
}
}
}
}
}
else {
validate14.errors = [{instancePath:instancePath+"/headers/" + i0,schemaPath:"#/properties/headers/items/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid3 = _errs12 === errors;
if(!valid3){
break;
}
}
}
}
else {
validate14.errors = [{instancePath:instancePath+"/headers",schemaPath:"#/properties/headers/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.body !== undefined){
let data6 = data.body;
const _errs16 = errors;
if(errors === _errs16){
if(typeof data6 === "string"){
if(func2(data6) > 22369624){
validate14.errors = [{instancePath:instancePath+"/body",schemaPath:"#/properties/body/maxLength",keyword:"maxLength",params:{limit: 22369624},message:"must NOT have more than 22369624 characters"}];
return false;
}
}
else {
validate14.errors = [{instancePath:instancePath+"/body",schemaPath:"#/properties/body/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.redirect !== undefined){
let data7 = data.redirect;
const _errs18 = errors;
if(!((data7 === "manual") || (data7 === "follow"))){
validate14.errors = [{instancePath:instancePath+"/redirect",schemaPath:"#/properties/redirect/enum",keyword:"enum",params:{allowedValues: schema16.properties.redirect.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timeoutMs !== undefined){
let data8 = data.timeoutMs;
const _errs19 = errors;
if(errors === _errs19){
if(typeof data8 == "number"){
if(data8 > 2147483647 || isNaN(data8)){
validate14.errors = [{instancePath:instancePath+"/timeoutMs",schemaPath:"#/properties/timeoutMs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483647},message:"must be <= 2147483647"}];
return false;
}
else {
if(data8 < 0 || isNaN(data8)){
validate14.errors = [{instancePath:instancePath+"/timeoutMs",schemaPath:"#/properties/timeoutMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate14.errors = [{instancePath:instancePath+"/timeoutMs",schemaPath:"#/properties/timeoutMs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
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

export const RunnerBodyParams = validate15;
const schema18 = {"type":"object","required":["runId","requestId"],"additionalProperties":false,"properties":{"runId":{"description":"The run asking.","allOf":[{"$ref":"#/definitions/RunId"}]},"requestId":{"type":"integer","minimum":1,"maximum":2147483648,"description":"The response, as `runner/fetch` numbered it."}},"title":"RunnerBodyParams","description":"Params of `runner/fetch-read` and `runner/fetch-close`: a response of the run's."};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.runId === undefined) && (missing0 = "runId")) || ((data.requestId === undefined) && (missing0 = "requestId"))){
validate15.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "runId") || (key0 === "requestId"))){
validate15.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runId !== undefined){
let data0 = data.runId;
const _errs2 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data0 === "string"){
if(func2(data0) > 128){
validate15.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate15.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.requestId !== undefined){
let data1 = data.requestId;
const _errs6 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate15.errors = [{instancePath:instancePath+"/requestId",schemaPath:"#/properties/requestId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data1 == "number"){
if(data1 > 2147483648 || isNaN(data1)){
validate15.errors = [{instancePath:instancePath+"/requestId",schemaPath:"#/properties/requestId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2147483648},message:"must be <= 2147483648"}];
return false;
}
else {
if(data1 < 1 || isNaN(data1)){
validate15.errors = [{instancePath:instancePath+"/requestId",schemaPath:"#/properties/requestId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
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
else {
validate15.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate15.errors = vErrors;
return errors === 0;
}

export const RunnerBootResult = validate16;
const schema20 = {"title":"RunnerBootResult","description":"Result of `runner/boot`.","oneOf":[{"$ref":"#/definitions/RunnerBootReady"},{"$ref":"#/definitions/RunnerBootRefused"}]};
const schema24 = {"type":"object","required":["kind","problem"],"additionalProperties":false,"properties":{"kind":{"const":"snapshot-refused","description":"Which answer."},"problem":{"type":"string","maxLength":2000,"description":"Why the snapshot was refused."}},"title":"RunnerBootRefused","description":"The snapshot could not be restored (not a snapshot, wrong build, restore failed): the daemon drops it."};
const schema21 = {"type":"object","required":["kind","bootMs","fromSnapshot","pythonVersion","pyodideVersion","seccomp","privileges"],"additionalProperties":false,"properties":{"kind":{"const":"ready","description":"Which answer."},"bootMs":{"type":"number","minimum":0,"description":"Boot to ready, in ms."},"fromSnapshot":{"type":"boolean","description":"Whether it restored the snapshot."},"pythonVersion":{"type":"string","maxLength":64,"description":"CPython's version."},"pyodideVersion":{"type":"string","maxLength":64,"description":"Pyodide's version."},"seccomp":{"description":"The seccomp filter.","allOf":[{"$ref":"#/definitions/SeccompState"}]},"privileges":{"description":"Its privileges once dropped.","allOf":[{"$ref":"#/definitions/PrivilegeState"}]},"snapshotBytes":{"type":"integer","minimum":0,"description":"Bytes of the raw snapshot written (build-snapshot only)."}},"title":"RunnerBootReady","description":"The runner is ready: what it booted, how long it took, and what it holds (read back from the kernel)."};
const schema22 = {"type":"object","required":["installed","detail"],"additionalProperties":false,"properties":{"installed":{"type":"boolean","description":"Whether the filter is in place."},"detail":{"type":"string","maxLength":500,"description":"The number of rules, or why there is no filter."}},"title":"SeccompState","description":"Whether the runner's seccomp filter is in place, and its number of rules or why there is none."};
const schema23 = {"type":"object","required":["uid","gid","capabilities","dumpable","problems"],"additionalProperties":false,"properties":{"uid":{"type":"integer","description":"User id."},"gid":{"type":"integer","description":"Group id."},"capabilities":{"type":"object","required":["effective","permitted","bounding","ambient"],"additionalProperties":false,"properties":{"effective":{"type":"string","maxLength":32},"permitted":{"type":"string","maxLength":32},"bounding":{"type":"string","maxLength":32},"ambient":{"type":"string","maxLength":32}},"description":"Capability sets in /proc's hex."},"dumpable":{"type":"boolean","description":"Whether the process is dumpable."},"problems":{"type":"array","maxItems":20,"items":{"type":"string","maxLength":300},"description":"Steps that did not take effect."}},"title":"PrivilegeState","description":"What a runner holds once booted, as it read it back from the kernel (privileges.ts)."};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.kind === undefined) && (missing0 = "kind")) || ((data.bootMs === undefined) && (missing0 = "bootMs"))) || ((data.fromSnapshot === undefined) && (missing0 = "fromSnapshot"))) || ((data.pythonVersion === undefined) && (missing0 = "pythonVersion"))) || ((data.pyodideVersion === undefined) && (missing0 = "pyodideVersion"))) || ((data.seccomp === undefined) && (missing0 = "seccomp"))) || ((data.privileges === undefined) && (missing0 = "privileges"))){
validate17.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "kind") || (key0 === "bootMs")) || (key0 === "fromSnapshot")) || (key0 === "pythonVersion")) || (key0 === "pyodideVersion")) || (key0 === "seccomp")) || (key0 === "privileges")) || (key0 === "snapshotBytes"))){
validate17.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.kind !== undefined){
const _errs2 = errors;
if("ready" !== data.kind){
validate17.errors = [{instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "ready"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.bootMs !== undefined){
let data1 = data.bootMs;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 == "number"){
if(data1 < 0 || isNaN(data1)){
validate17.errors = [{instancePath:instancePath+"/bootMs",schemaPath:"#/properties/bootMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate17.errors = [{instancePath:instancePath+"/bootMs",schemaPath:"#/properties/bootMs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.fromSnapshot !== undefined){
const _errs5 = errors;
if(typeof data.fromSnapshot !== "boolean"){
validate17.errors = [{instancePath:instancePath+"/fromSnapshot",schemaPath:"#/properties/fromSnapshot/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.pythonVersion !== undefined){
let data3 = data.pythonVersion;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data3 === "string"){
if(func2(data3) > 64){
validate17.errors = [{instancePath:instancePath+"/pythonVersion",schemaPath:"#/properties/pythonVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate17.errors = [{instancePath:instancePath+"/pythonVersion",schemaPath:"#/properties/pythonVersion/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.pyodideVersion !== undefined){
let data4 = data.pyodideVersion;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data4 === "string"){
if(func2(data4) > 64){
validate17.errors = [{instancePath:instancePath+"/pyodideVersion",schemaPath:"#/properties/pyodideVersion/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate17.errors = [{instancePath:instancePath+"/pyodideVersion",schemaPath:"#/properties/pyodideVersion/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.seccomp !== undefined){
let data5 = data.seccomp;
const _errs11 = errors;
const _errs13 = errors;
if(errors === _errs13){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if(((data5.installed === undefined) && (missing1 = "installed")) || ((data5.detail === undefined) && (missing1 = "detail"))){
validate17.errors = [{instancePath:instancePath+"/seccomp",schemaPath:"#/definitions/SeccompState/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs15 = errors;
for(const key1 in data5){
if(!((key1 === "installed") || (key1 === "detail"))){
validate17.errors = [{instancePath:instancePath+"/seccomp",schemaPath:"#/definitions/SeccompState/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs15 === errors){
if(data5.installed !== undefined){
const _errs16 = errors;
if(typeof data5.installed !== "boolean"){
validate17.errors = [{instancePath:instancePath+"/seccomp/installed",schemaPath:"#/definitions/SeccompState/properties/installed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data5.detail !== undefined){
let data7 = data5.detail;
const _errs18 = errors;
if(errors === _errs18){
if(typeof data7 === "string"){
if(func2(data7) > 500){
validate17.errors = [{instancePath:instancePath+"/seccomp/detail",schemaPath:"#/definitions/SeccompState/properties/detail/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"}];
return false;
}
}
else {
validate17.errors = [{instancePath:instancePath+"/seccomp/detail",schemaPath:"#/definitions/SeccompState/properties/detail/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs18 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/seccomp",schemaPath:"#/definitions/SeccompState/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.privileges !== undefined){
let data8 = data.privileges;
const _errs20 = errors;
const _errs22 = errors;
if(errors === _errs22){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
let missing2;
if((((((data8.uid === undefined) && (missing2 = "uid")) || ((data8.gid === undefined) && (missing2 = "gid"))) || ((data8.capabilities === undefined) && (missing2 = "capabilities"))) || ((data8.dumpable === undefined) && (missing2 = "dumpable"))) || ((data8.problems === undefined) && (missing2 = "problems"))){
validate17.errors = [{instancePath:instancePath+"/privileges",schemaPath:"#/definitions/PrivilegeState/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs24 = errors;
for(const key2 in data8){
if(!(((((key2 === "uid") || (key2 === "gid")) || (key2 === "capabilities")) || (key2 === "dumpable")) || (key2 === "problems"))){
validate17.errors = [{instancePath:instancePath+"/privileges",schemaPath:"#/definitions/PrivilegeState/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs24 === errors){
if(data8.uid !== undefined){
let data9 = data8.uid;
const _errs25 = errors;
if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){
validate17.errors = [{instancePath:instancePath+"/privileges/uid",schemaPath:"#/definitions/PrivilegeState/properties/uid/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid6 = _errs25 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data8.gid !== undefined){
let data10 = data8.gid;
const _errs27 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate17.errors = [{instancePath:instancePath+"/privileges/gid",schemaPath:"#/definitions/PrivilegeState/properties/gid/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data8.capabilities !== undefined){
let data11 = data8.capabilities;
const _errs29 = errors;
if(errors === _errs29){
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
let missing3;
if(((((data11.effective === undefined) && (missing3 = "effective")) || ((data11.permitted === undefined) && (missing3 = "permitted"))) || ((data11.bounding === undefined) && (missing3 = "bounding"))) || ((data11.ambient === undefined) && (missing3 = "ambient"))){
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs31 = errors;
for(const key3 in data11){
if(!((((key3 === "effective") || (key3 === "permitted")) || (key3 === "bounding")) || (key3 === "ambient"))){
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs31 === errors){
if(data11.effective !== undefined){
let data12 = data11.effective;
const _errs32 = errors;
if(errors === _errs32){
if(typeof data12 === "string"){
if(func2(data12) > 32){
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities/effective",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/properties/effective/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters"}];
return false;
}
}
else {
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities/effective",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/properties/effective/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid7 = _errs32 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data11.permitted !== undefined){
let data13 = data11.permitted;
const _errs34 = errors;
if(errors === _errs34){
if(typeof data13 === "string"){
if(func2(data13) > 32){
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities/permitted",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/properties/permitted/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters"}];
return false;
}
}
else {
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities/permitted",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/properties/permitted/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid7 = _errs34 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data11.bounding !== undefined){
let data14 = data11.bounding;
const _errs36 = errors;
if(errors === _errs36){
if(typeof data14 === "string"){
if(func2(data14) > 32){
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities/bounding",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/properties/bounding/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters"}];
return false;
}
}
else {
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities/bounding",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/properties/bounding/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid7 = _errs36 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data11.ambient !== undefined){
let data15 = data11.ambient;
const _errs38 = errors;
if(errors === _errs38){
if(typeof data15 === "string"){
if(func2(data15) > 32){
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities/ambient",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/properties/ambient/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters"}];
return false;
}
}
else {
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities/ambient",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/properties/ambient/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid7 = _errs38 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/privileges/capabilities",schemaPath:"#/definitions/PrivilegeState/properties/capabilities/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid6 = _errs29 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data8.dumpable !== undefined){
const _errs40 = errors;
if(typeof data8.dumpable !== "boolean"){
validate17.errors = [{instancePath:instancePath+"/privileges/dumpable",schemaPath:"#/definitions/PrivilegeState/properties/dumpable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid6 = _errs40 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data8.problems !== undefined){
let data17 = data8.problems;
const _errs42 = errors;
if(errors === _errs42){
if(Array.isArray(data17)){
if(data17.length > 20){
validate17.errors = [{instancePath:instancePath+"/privileges/problems",schemaPath:"#/definitions/PrivilegeState/properties/problems/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"}];
return false;
}
else {
var valid8 = true;
const len0 = data17.length;
for(let i0=0; i0<len0; i0++){
let data18 = data17[i0];
const _errs44 = errors;
if(errors === _errs44){
if(typeof data18 === "string"){
if(func2(data18) > 300){
validate17.errors = [{instancePath:instancePath+"/privileges/problems/" + i0,schemaPath:"#/definitions/PrivilegeState/properties/problems/items/maxLength",keyword:"maxLength",params:{limit: 300},message:"must NOT have more than 300 characters"}];
return false;
}
}
else {
validate17.errors = [{instancePath:instancePath+"/privileges/problems/" + i0,schemaPath:"#/definitions/PrivilegeState/properties/problems/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid8 = _errs44 === errors;
if(!valid8){
break;
}
}
}
}
else {
validate17.errors = [{instancePath:instancePath+"/privileges/problems",schemaPath:"#/definitions/PrivilegeState/properties/problems/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid6 = _errs42 === errors;
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
else {
validate17.errors = [{instancePath:instancePath+"/privileges",schemaPath:"#/definitions/PrivilegeState/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.snapshotBytes !== undefined){
let data19 = data.snapshotBytes;
const _errs46 = errors;
if(!((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19)))){
validate17.errors = [{instancePath:instancePath+"/snapshotBytes",schemaPath:"#/properties/snapshotBytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs46){
if(typeof data19 == "number"){
if(data19 < 0 || isNaN(data19)){
validate17.errors = [{instancePath:instancePath+"/snapshotBytes",schemaPath:"#/properties/snapshotBytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs46 === errors;
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
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(validate17(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.kind === undefined) && (missing0 = "kind")) || ((data.problem === undefined) && (missing0 = "problem"))){
const err0 = {instancePath,schemaPath:"#/definitions/RunnerBootRefused/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
const _errs5 = errors;
for(const key0 in data){
if(!((key0 === "kind") || (key0 === "problem"))){
const err1 = {instancePath,schemaPath:"#/definitions/RunnerBootRefused/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
break;
}
}
if(_errs5 === errors){
if(data.kind !== undefined){
const _errs6 = errors;
if("snapshot-refused" !== data.kind){
const err2 = {instancePath:instancePath+"/kind",schemaPath:"#/definitions/RunnerBootRefused/properties/kind/const",keyword:"const",params:{allowedValue: "snapshot-refused"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.problem !== undefined){
let data1 = data.problem;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data1 === "string"){
if(func2(data1) > 2000){
const err3 = {instancePath:instancePath+"/problem",schemaPath:"#/definitions/RunnerBootRefused/properties/problem/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/problem",schemaPath:"#/definitions/RunnerBootRefused/properties/problem/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/definitions/RunnerBootRefused/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err6 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate16.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate16.errors = vErrors;
return errors === 0;
}

export const RunnerCheckResult = validate19;
const schema25 = {"type":"object","required":["status"],"additionalProperties":false,"properties":{"status":{"enum":["complete","incomplete","invalid"],"description":"complete, incomplete or invalid.","tsType":"CheckStatus"}},"title":"RunnerCheckResult","description":"Result of `runner/check`, by the rule of Python's own REPL."};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate19.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate19.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(!(((data0 === "complete") || (data0 === "incomplete")) || (data0 === "invalid"))){
validate19.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema25.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
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

export const RunnerCompleteResult = validate20;
const schema26 = {"type":"object","required":["matches","cursor_start","cursor_end"],"additionalProperties":false,"properties":{"matches":{"type":"array","maxItems":500,"items":{"type":"string","maxLength":4096},"description":"The completions."},"cursor_start":{"type":"integer","minimum":0,"description":"Where the text they replace starts."},"cursor_end":{"type":"integer","minimum":0,"description":"Where it ends."}},"title":"RunnerCompleteResult","description":"Result of `runner/complete`: completions at the cursor.","tsType":"CompleteResult"};

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.matches === undefined) && (missing0 = "matches")) || ((data.cursor_start === undefined) && (missing0 = "cursor_start"))) || ((data.cursor_end === undefined) && (missing0 = "cursor_end"))){
validate20.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "matches") || (key0 === "cursor_start")) || (key0 === "cursor_end"))){
validate20.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
if(data0.length > 500){
validate20.errors = [{instancePath:instancePath+"/matches",schemaPath:"#/properties/matches/maxItems",keyword:"maxItems",params:{limit: 500},message:"must NOT have more than 500 items"}];
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
if(func2(data1) > 4096){
validate20.errors = [{instancePath:instancePath+"/matches/" + i0,schemaPath:"#/properties/matches/items/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/matches/" + i0,schemaPath:"#/properties/matches/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
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
else {
validate20.errors = [{instancePath:instancePath+"/matches",schemaPath:"#/properties/matches/type",keyword:"type",params:{type: "array"},message:"must be array"}];
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
validate20.errors = [{instancePath:instancePath+"/cursor_start",schemaPath:"#/properties/cursor_start/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate20.errors = [{instancePath:instancePath+"/cursor_start",schemaPath:"#/properties/cursor_start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
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
validate20.errors = [{instancePath:instancePath+"/cursor_end",schemaPath:"#/properties/cursor_end/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 < 0 || isNaN(data3)){
validate20.errors = [{instancePath:instancePath+"/cursor_end",schemaPath:"#/properties/cursor_end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
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
validate20.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate20.errors = vErrors;
return errors === 0;
}

export const RunnerDisplayParams = validate21;
const schema27 = {"type":"object","required":["runId","output"],"additionalProperties":false,"properties":{"runId":{"description":"The run.","allOf":[{"$ref":"#/definitions/RunId"}]},"output":{"description":"The output.","allOf":[{"$ref":"#/definitions/RunnerDisplayOutput"}]}},"title":"RunnerDisplayParams","description":"Params of `runner/display` (runner to daemon, during a run): one display output, in order with the run's output."};
const schema29 = {"type":"object","required":["output_type","data"],"additionalProperties":false,"properties":{"output_type":{"enum":["display_data","execute_result","update_display_data","clear_output"],"description":"Which kind of output.","tsType":"DisplayOutputType"},"display_id":{"type":"string","minLength":1,"maxLength":256,"description":"The name of the output, which a later `update_display_data` replaces; always set on an update."},"wait":{"type":"boolean","description":"`clear_output` only: clear when the next output comes rather than at once."},"data":{"type":"object","required":["text/plain"],"maxProperties":32,"propertyNames":{"type":"string","pattern":"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},"additionalProperties":{"type":"string"},"description":"The MIME bundle: text/plain always; binary types in base64.","tsType":"MimeBundle"},"metadata":{"type":"object","maxProperties":32,"propertyNames":{"type":"string","pattern":"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},"additionalProperties":{"type":"object"},"description":"Per-type metadata."},"truncated":{"type":"object","required":["bytes"],"additionalProperties":false,"properties":{"bytes":{"type":"integer","minimum":1,"description":"Bytes cut."},"mime_types":{"type":"array","maxItems":32,"items":{"type":"string","pattern":"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},"description":"The types cut."}},"description":"What the caps cut of the bundle."}},"title":"RunnerDisplayOutput","description":"A display output as a runner sends it: the daemon adds where it falls in stdout and stderr."};
const pattern1 = new RegExp("^[a-z]+/[A-Za-z0-9.+_-]{1,100}$", "u");

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.runId === undefined) && (missing0 = "runId")) || ((data.output === undefined) && (missing0 = "output"))){
validate21.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "runId") || (key0 === "output"))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runId !== undefined){
let data0 = data.runId;
const _errs2 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data0 === "string"){
if(func2(data0) > 128){
validate21.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.output !== undefined){
let data1 = data.output;
const _errs6 = errors;
const _errs8 = errors;
if(errors === _errs8){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing1;
if(((data1.output_type === undefined) && (missing1 = "output_type")) || ((data1.data === undefined) && (missing1 = "data"))){
validate21.errors = [{instancePath:instancePath+"/output",schemaPath:"#/definitions/RunnerDisplayOutput/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs10 = errors;
for(const key1 in data1){
if(!((((((key1 === "output_type") || (key1 === "display_id")) || (key1 === "wait")) || (key1 === "data")) || (key1 === "metadata")) || (key1 === "truncated"))){
validate21.errors = [{instancePath:instancePath+"/output",schemaPath:"#/definitions/RunnerDisplayOutput/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs10 === errors){
if(data1.output_type !== undefined){
let data2 = data1.output_type;
const _errs11 = errors;
if(!((((data2 === "display_data") || (data2 === "execute_result")) || (data2 === "update_display_data")) || (data2 === "clear_output"))){
validate21.errors = [{instancePath:instancePath+"/output/output_type",schemaPath:"#/definitions/RunnerDisplayOutput/properties/output_type/enum",keyword:"enum",params:{allowedValues: schema29.properties.output_type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid5 = _errs11 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data1.display_id !== undefined){
let data3 = data1.display_id;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data3 === "string"){
if(func2(data3) > 256){
validate21.errors = [{instancePath:instancePath+"/output/display_id",schemaPath:"#/definitions/RunnerDisplayOutput/properties/display_id/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
else {
if(func2(data3) < 1){
validate21.errors = [{instancePath:instancePath+"/output/display_id",schemaPath:"#/definitions/RunnerDisplayOutput/properties/display_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/output/display_id",schemaPath:"#/definitions/RunnerDisplayOutput/properties/display_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs12 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data1.wait !== undefined){
const _errs14 = errors;
if(typeof data1.wait !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/output/wait",schemaPath:"#/definitions/RunnerDisplayOutput/properties/wait/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid5 = _errs14 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data1.data !== undefined){
let data5 = data1.data;
const _errs16 = errors;
if(errors === _errs16){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(Object.keys(data5).length > 32){
validate21.errors = [{instancePath:instancePath+"/output/data",schemaPath:"#/definitions/RunnerDisplayOutput/properties/data/maxProperties",keyword:"maxProperties",params:{limit: 32},message:"must NOT have more than 32 properties"}];
return false;
}
else {
let missing2;
if((data5["text/plain"] === undefined) && (missing2 = "text/plain")){
validate21.errors = [{instancePath:instancePath+"/output/data",schemaPath:"#/definitions/RunnerDisplayOutput/properties/data/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
for(const key2 in data5){
const _errs18 = errors;
if(errors === _errs18){
if(typeof key2 === "string"){
if(!pattern1.test(key2)){
const err0 = {instancePath:instancePath+"/output/data",schemaPath:"#/definitions/RunnerDisplayOutput/properties/data/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},message:"must match pattern \""+"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"+"\"",propertyName:key2};
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
const err1 = {instancePath:instancePath+"/output/data",schemaPath:"#/definitions/RunnerDisplayOutput/properties/data/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key2};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var valid6 = _errs18 === errors;
if(!valid6){
const err2 = {instancePath:instancePath+"/output/data",schemaPath:"#/definitions/RunnerDisplayOutput/properties/data/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate21.errors = vErrors;
return false;
break;
}
}
if(valid6){
for(const key3 in data5){
const _errs21 = errors;
if(typeof data5[key3] !== "string"){
validate21.errors = [{instancePath:instancePath+"/output/data/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/RunnerDisplayOutput/properties/data/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid7 = _errs21 === errors;
if(!valid7){
break;
}
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/output/data",schemaPath:"#/definitions/RunnerDisplayOutput/properties/data/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid5 = _errs16 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data1.metadata !== undefined){
let data7 = data1.metadata;
const _errs23 = errors;
if(errors === _errs23){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(Object.keys(data7).length > 32){
validate21.errors = [{instancePath:instancePath+"/output/metadata",schemaPath:"#/definitions/RunnerDisplayOutput/properties/metadata/maxProperties",keyword:"maxProperties",params:{limit: 32},message:"must NOT have more than 32 properties"}];
return false;
}
else {
for(const key4 in data7){
const _errs25 = errors;
if(errors === _errs25){
if(typeof key4 === "string"){
if(!pattern1.test(key4)){
const err3 = {instancePath:instancePath+"/output/metadata",schemaPath:"#/definitions/RunnerDisplayOutput/properties/metadata/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},message:"must match pattern \""+"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"+"\"",propertyName:key4};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/output/metadata",schemaPath:"#/definitions/RunnerDisplayOutput/properties/metadata/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid8 = _errs25 === errors;
if(!valid8){
const err5 = {instancePath:instancePath+"/output/metadata",schemaPath:"#/definitions/RunnerDisplayOutput/properties/metadata/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate21.errors = vErrors;
return false;
break;
}
}
if(valid8){
for(const key5 in data7){
let data8 = data7[key5];
const _errs28 = errors;
if(!(data8 && typeof data8 == "object" && !Array.isArray(data8))){
validate21.errors = [{instancePath:instancePath+"/output/metadata/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/RunnerDisplayOutput/properties/metadata/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid9 = _errs28 === errors;
if(!valid9){
break;
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/output/metadata",schemaPath:"#/definitions/RunnerDisplayOutput/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid5 = _errs23 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data1.truncated !== undefined){
let data9 = data1.truncated;
const _errs30 = errors;
if(errors === _errs30){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing3;
if((data9.bytes === undefined) && (missing3 = "bytes")){
validate21.errors = [{instancePath:instancePath+"/output/truncated",schemaPath:"#/definitions/RunnerDisplayOutput/properties/truncated/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs32 = errors;
for(const key6 in data9){
if(!((key6 === "bytes") || (key6 === "mime_types"))){
validate21.errors = [{instancePath:instancePath+"/output/truncated",schemaPath:"#/definitions/RunnerDisplayOutput/properties/truncated/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs32 === errors){
if(data9.bytes !== undefined){
let data10 = data9.bytes;
const _errs33 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate21.errors = [{instancePath:instancePath+"/output/truncated/bytes",schemaPath:"#/definitions/RunnerDisplayOutput/properties/truncated/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs33){
if(typeof data10 == "number"){
if(data10 < 1 || isNaN(data10)){
validate21.errors = [{instancePath:instancePath+"/output/truncated/bytes",schemaPath:"#/definitions/RunnerDisplayOutput/properties/truncated/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid10 = _errs33 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data9.mime_types !== undefined){
let data11 = data9.mime_types;
const _errs35 = errors;
if(errors === _errs35){
if(Array.isArray(data11)){
if(data11.length > 32){
validate21.errors = [{instancePath:instancePath+"/output/truncated/mime_types",schemaPath:"#/definitions/RunnerDisplayOutput/properties/truncated/properties/mime_types/maxItems",keyword:"maxItems",params:{limit: 32},message:"must NOT have more than 32 items"}];
return false;
}
else {
var valid11 = true;
const len0 = data11.length;
for(let i0=0; i0<len0; i0++){
let data12 = data11[i0];
const _errs37 = errors;
if(errors === _errs37){
if(typeof data12 === "string"){
if(!pattern1.test(data12)){
validate21.errors = [{instancePath:instancePath+"/output/truncated/mime_types/" + i0,schemaPath:"#/definitions/RunnerDisplayOutput/properties/truncated/properties/mime_types/items/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"},message:"must match pattern \""+"^[a-z]+/[A-Za-z0-9.+_-]{1,100}$"+"\""}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/output/truncated/mime_types/" + i0,schemaPath:"#/definitions/RunnerDisplayOutput/properties/truncated/properties/mime_types/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid11 = _errs37 === errors;
if(!valid11){
break;
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/output/truncated/mime_types",schemaPath:"#/definitions/RunnerDisplayOutput/properties/truncated/properties/mime_types/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid10 = _errs35 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/output/truncated",schemaPath:"#/definitions/RunnerDisplayOutput/properties/truncated/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid5 = _errs30 === errors;
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
else {
validate21.errors = [{instancePath:instancePath+"/output",schemaPath:"#/definitions/RunnerDisplayOutput/type",keyword:"type",params:{type: "object"},message:"must be object"}];
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
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}

export const RunnerInputParams = validate22;
const schema30 = {"type":"object","required":["runId","prompt","password","all"],"additionalProperties":false,"properties":{"runId":{"description":"The run.","allOf":[{"$ref":"#/definitions/RunId"}]},"prompt":{"type":"string","maxLength":4096,"description":"The prompt."},"password":{"type":"boolean","description":"getpass: do not echo."},"all":{"type":"boolean","description":"sys.stdin.read(): all the stdin text left, rather than a line."}},"title":"RunnerInputParams","description":"Params of `runner/input` (runner to daemon, during a run): Python reads stdin (input(), getpass, sys.stdin)."};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.runId === undefined) && (missing0 = "runId")) || ((data.prompt === undefined) && (missing0 = "prompt"))) || ((data.password === undefined) && (missing0 = "password"))) || ((data.all === undefined) && (missing0 = "all"))){
validate22.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "runId") || (key0 === "prompt")) || (key0 === "password")) || (key0 === "all"))){
validate22.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runId !== undefined){
let data0 = data.runId;
const _errs2 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data0 === "string"){
if(func2(data0) > 128){
validate22.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prompt !== undefined){
let data1 = data.prompt;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data1 === "string"){
if(func2(data1) > 4096){
validate22.errors = [{instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.password !== undefined){
const _errs8 = errors;
if(typeof data.password !== "boolean"){
validate22.errors = [{instancePath:instancePath+"/password",schemaPath:"#/properties/password/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.all !== undefined){
const _errs10 = errors;
if(typeof data.all !== "boolean"){
validate22.errors = [{instancePath:instancePath+"/all",schemaPath:"#/properties/all/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
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
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}

export const RunnerInspectResult = validate23;
const schema32 = {"type":"object","required":["found"],"additionalProperties":false,"properties":{"found":{"type":"boolean","description":"Whether a name was found."},"name":{"type":"string","maxLength":4096,"description":"Its name."},"type_name":{"type":"string","maxLength":1000,"description":"Its type's name."},"signature":{"type":"string","maxLength":20000,"description":"Its signature."},"docstring":{"type":"string","maxLength":20000,"description":"Its docstring."}},"title":"RunnerInspectResult","description":"Result of `runner/inspect`: what the name at the cursor is.","tsType":"InspectResult"};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.found === undefined) && (missing0 = "found")){
validate23.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "found") || (key0 === "name")) || (key0 === "type_name")) || (key0 === "signature")) || (key0 === "docstring"))){
validate23.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.found !== undefined){
const _errs2 = errors;
if(typeof data.found !== "boolean"){
validate23.errors = [{instancePath:instancePath+"/found",schemaPath:"#/properties/found/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.name !== undefined){
let data1 = data.name;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func2(data1) > 4096){
validate23.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.type_name !== undefined){
let data2 = data.type_name;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data2 === "string"){
if(func2(data2) > 1000){
validate23.errors = [{instancePath:instancePath+"/type_name",schemaPath:"#/properties/type_name/maxLength",keyword:"maxLength",params:{limit: 1000},message:"must NOT have more than 1000 characters"}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/type_name",schemaPath:"#/properties/type_name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.signature !== undefined){
let data3 = data.signature;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data3 === "string"){
if(func2(data3) > 20000){
validate23.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/properties/signature/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters"}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.docstring !== undefined){
let data4 = data.docstring;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data4 === "string"){
if(func2(data4) > 20000){
validate23.errors = [{instancePath:instancePath+"/docstring",schemaPath:"#/properties/docstring/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters"}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/docstring",schemaPath:"#/properties/docstring/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
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
validate23.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate23.errors = vErrors;
return errors === 0;
}

export const RunnerInstallParams = validate24;
const schema33 = {"type":"object","required":["runId","requirements"],"additionalProperties":false,"properties":{"runId":{"description":"The run asking.","allOf":[{"$ref":"#/definitions/RunId"}]},"requirements":{"type":"array","minItems":1,"maxItems":100,"items":{"type":"string","minLength":1,"maxLength":2000},"description":"Requirements, as micropip takes them."},"indexUrls":{"type":"array","maxItems":10,"items":{"type":"string","minLength":1,"maxLength":2000},"description":"`index_urls` given to micropip: indexes the tenant names, fetched under its network policy instead of `--pypi-index`."}},"title":"RunnerInstallParams","description":"Params of `runner/install` (runner to daemon, during a run): requirements from `micropip.install` in Python."};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.runId === undefined) && (missing0 = "runId")) || ((data.requirements === undefined) && (missing0 = "requirements"))){
validate24.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "runId") || (key0 === "requirements")) || (key0 === "indexUrls"))){
validate24.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runId !== undefined){
let data0 = data.runId;
const _errs2 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data0 === "string"){
if(func2(data0) > 128){
validate24.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate24.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.requirements !== undefined){
let data1 = data.requirements;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data1)){
if(data1.length > 100){
validate24.errors = [{instancePath:instancePath+"/requirements",schemaPath:"#/properties/requirements/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
if(data1.length < 1){
validate24.errors = [{instancePath:instancePath+"/requirements",schemaPath:"#/properties/requirements/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid3 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs8 = errors;
if(errors === _errs8){
if(typeof data2 === "string"){
if(func2(data2) > 2000){
validate24.errors = [{instancePath:instancePath+"/requirements/" + i0,schemaPath:"#/properties/requirements/items/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"}];
return false;
}
else {
if(func2(data2) < 1){
validate24.errors = [{instancePath:instancePath+"/requirements/" + i0,schemaPath:"#/properties/requirements/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/requirements/" + i0,schemaPath:"#/properties/requirements/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs8 === errors;
if(!valid3){
break;
}
}
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/requirements",schemaPath:"#/properties/requirements/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.indexUrls !== undefined){
let data3 = data.indexUrls;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data3)){
if(data3.length > 10){
validate24.errors = [{instancePath:instancePath+"/indexUrls",schemaPath:"#/properties/indexUrls/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items"}];
return false;
}
else {
var valid4 = true;
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
let data4 = data3[i1];
const _errs12 = errors;
if(errors === _errs12){
if(typeof data4 === "string"){
if(func2(data4) > 2000){
validate24.errors = [{instancePath:instancePath+"/indexUrls/" + i1,schemaPath:"#/properties/indexUrls/items/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"}];
return false;
}
else {
if(func2(data4) < 1){
validate24.errors = [{instancePath:instancePath+"/indexUrls/" + i1,schemaPath:"#/properties/indexUrls/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/indexUrls/" + i1,schemaPath:"#/properties/indexUrls/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid4 = _errs12 === errors;
if(!valid4){
break;
}
}
}
}
else {
validate24.errors = [{instancePath:instancePath+"/indexUrls",schemaPath:"#/properties/indexUrls/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
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
else {
validate24.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate24.errors = vErrors;
return errors === 0;
}

export const RunnerLoadResult = validate25;
const schema35 = {"type":"object","required":["installed"],"additionalProperties":false,"properties":{"installed":{"type":"array","maxItems":2000,"items":{"type":"string","minLength":1,"maxLength":200},"description":"Names installed."}},"title":"RunnerLoadResult","description":"Result of `runner/load`: the names installed (those already there are skipped)."};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.installed === undefined) && (missing0 = "installed")){
validate25.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "installed")){
validate25.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
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
if(data0.length > 2000){
validate25.errors = [{instancePath:instancePath+"/installed",schemaPath:"#/properties/installed/maxItems",keyword:"maxItems",params:{limit: 2000},message:"must NOT have more than 2000 items"}];
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
if(func2(data1) > 200){
validate25.errors = [{instancePath:instancePath+"/installed/" + i0,schemaPath:"#/properties/installed/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"}];
return false;
}
else {
if(func2(data1) < 1){
validate25.errors = [{instancePath:instancePath+"/installed/" + i0,schemaPath:"#/properties/installed/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate25.errors = [{instancePath:instancePath+"/installed/" + i0,schemaPath:"#/properties/installed/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
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
else {
validate25.errors = [{instancePath:instancePath+"/installed",schemaPath:"#/properties/installed/type",keyword:"type",params:{type: "array"},message:"must be array"}];
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

export const RunnerOutputParams = validate26;
const schema36 = {"type":"object","required":["runId","stream","text"],"additionalProperties":false,"properties":{"runId":{"description":"The run.","allOf":[{"$ref":"#/definitions/RunId"}]},"stream":{"enum":["stdout","stderr"],"description":"Which stream.","tsType":"Stream"},"text":{"type":"string","description":"The text, decoded."}},"title":"RunnerOutputParams","description":"Params of `runner/output` (runner to daemon): output of the current run, in order. The only copy of it the daemon gets: the run's result does not repeat it."};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.runId === undefined) && (missing0 = "runId")) || ((data.stream === undefined) && (missing0 = "stream"))) || ((data.text === undefined) && (missing0 = "text"))){
validate26.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "runId") || (key0 === "stream")) || (key0 === "text"))){
validate26.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runId !== undefined){
let data0 = data.runId;
const _errs2 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data0 === "string"){
if(func2(data0) > 128){
validate26.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate26.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stream !== undefined){
let data1 = data.stream;
const _errs6 = errors;
if(!((data1 === "stdout") || (data1 === "stderr"))){
validate26.errors = [{instancePath:instancePath+"/stream",schemaPath:"#/properties/stream/enum",keyword:"enum",params:{allowedValues: schema36.properties.stream.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.text !== undefined){
const _errs7 = errors;
if(typeof data.text !== "string"){
validate26.errors = [{instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
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
validate26.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate26.errors = vErrors;
return errors === 0;
}

export const RunnerPackagesParams = validate27;
const schema38 = {"type":"object","required":["runId","modules"],"additionalProperties":false,"properties":{"runId":{"description":"The run asking.","allOf":[{"$ref":"#/definitions/RunId"}]},"modules":{"type":"array","maxItems":500,"items":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,199}$"},"description":"Top-level module names."}},"title":"RunnerPackagesParams","description":"Params of `runner/packages` (runner to daemon, during a run): top-level modules the run imports that the interpreter cannot find."};
const pattern4 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,199}$", "u");

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.runId === undefined) && (missing0 = "runId")) || ((data.modules === undefined) && (missing0 = "modules"))){
validate27.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "runId") || (key0 === "modules"))){
validate27.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.runId !== undefined){
let data0 = data.runId;
const _errs2 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data0 === "string"){
if(func2(data0) > 128){
validate27.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate27.errors = [{instancePath:instancePath+"/runId",schemaPath:"#/definitions/RunId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.modules !== undefined){
let data1 = data.modules;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data1)){
if(data1.length > 500){
validate27.errors = [{instancePath:instancePath+"/modules",schemaPath:"#/properties/modules/maxItems",keyword:"maxItems",params:{limit: 500},message:"must NOT have more than 500 items"}];
return false;
}
else {
var valid3 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs8 = errors;
if(errors === _errs8){
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
validate27.errors = [{instancePath:instancePath+"/modules/" + i0,schemaPath:"#/properties/modules/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,199}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,199}$"+"\""}];
return false;
}
}
else {
validate27.errors = [{instancePath:instancePath+"/modules/" + i0,schemaPath:"#/properties/modules/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs8 === errors;
if(!valid3){
break;
}
}
}
}
else {
validate27.errors = [{instancePath:instancePath+"/modules",schemaPath:"#/properties/modules/type",keyword:"type",params:{type: "array"},message:"must be array"}];
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
else {
validate27.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate27.errors = vErrors;
return errors === 0;
}

export const RunnerRunResult = validate28;
const schema40 = {"type":"object","required":["status","result","resultCharsCut","error","messageCharsCut","tracebackCharsCut","displaysDropped","stdoutBytesCut","stderrBytesCut","executionTimeMs","interrupted"],"additionalProperties":false,"properties":{"status":{"enum":["success","exception"],"description":"Whether the code ran to its end or raised.","tsType":"RunStatus"},"result":{"type":["string","null"],"description":"The repr of the last expression's value, or null."},"resultCharsCut":{"type":"integer","minimum":0,"description":"Characters of the repr cut at the cap."},"error":{"description":"The exception, when the status says one was raised.","oneOf":[{"type":"null"},{"$ref":"#/definitions/RunnerRunError"}]},"messageCharsCut":{"type":"integer","minimum":0,"description":"Characters of the message cut at the cap."},"tracebackCharsCut":{"type":"integer","minimum":0,"description":"Characters of the traceback cut at the cap."},"displaysDropped":{"type":"integer","minimum":0,"description":"Display outputs Python dropped because the run made more than `maxDisplays`."},"stdoutBytesCut":{"type":"integer","minimum":0,"description":"Bytes of stdout past the cap, not kept. The output itself reaches the daemon only in `runner/output` notifications: it crosses once, and the daemon keeps the first `maxOutputBytes` of each stream."},"stderrBytesCut":{"type":"integer","minimum":0,"description":"Bytes of stderr past the cap, not kept."},"executionTimeMs":{"type":"number","minimum":0,"description":"Time the run took inside the runner, in ms."},"interrupted":{"type":"boolean","description":"True when the runner delivered an interrupt to this run."}},"title":"RunnerRunResult","description":"Result of `runner/run`: what Python reports of the run (its status, the repr of its value or its error, each capped) and how much of its output was past the cap. The output itself came in `runner/output` notifications before this answer."};
const schema41 = {"type":"object","required":["type","message","traceback"],"additionalProperties":false,"properties":{"type":{"type":"string","maxLength":256,"description":"The exception type's name."},"message":{"type":"string","description":"Its message."},"traceback":{"type":"string","description":"Its traceback, Pyodide's frames removed."}},"title":"RunnerRunError","description":"A Python exception as a result: its type's name, its message and its cleaned traceback (message and traceback are measured against the run's own cap by the guard).","tsType":"RunError"};
const func40 = Object.prototype.hasOwnProperty;

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((((data.status === undefined) && (missing0 = "status")) || ((data.result === undefined) && (missing0 = "result"))) || ((data.resultCharsCut === undefined) && (missing0 = "resultCharsCut"))) || ((data.error === undefined) && (missing0 = "error"))) || ((data.messageCharsCut === undefined) && (missing0 = "messageCharsCut"))) || ((data.tracebackCharsCut === undefined) && (missing0 = "tracebackCharsCut"))) || ((data.displaysDropped === undefined) && (missing0 = "displaysDropped"))) || ((data.stdoutBytesCut === undefined) && (missing0 = "stdoutBytesCut"))) || ((data.stderrBytesCut === undefined) && (missing0 = "stderrBytesCut"))) || ((data.executionTimeMs === undefined) && (missing0 = "executionTimeMs"))) || ((data.interrupted === undefined) && (missing0 = "interrupted"))){
validate28.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func40.call(schema40.properties, key0))){
validate28.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
const _errs2 = errors;
if(!((data0 === "success") || (data0 === "exception"))){
validate28.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema40.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.result !== undefined){
let data1 = data.result;
const _errs3 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate28.errors = [{instancePath:instancePath+"/result",schemaPath:"#/properties/result/type",keyword:"type",params:{type: schema40.properties.result.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.resultCharsCut !== undefined){
let data2 = data.resultCharsCut;
const _errs5 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate28.errors = [{instancePath:instancePath+"/resultCharsCut",schemaPath:"#/properties/resultCharsCut/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs5){
if(typeof data2 == "number"){
if(data2 < 0 || isNaN(data2)){
validate28.errors = [{instancePath:instancePath+"/resultCharsCut",schemaPath:"#/properties/resultCharsCut/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.error !== undefined){
let data3 = data.error;
const _errs7 = errors;
const _errs8 = errors;
let valid1 = false;
let passing0 = null;
const _errs9 = errors;
if(data3 !== null){
const err0 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/oneOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs9 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if((((data3.type === undefined) && (missing1 = "type")) || ((data3.message === undefined) && (missing1 = "message"))) || ((data3.traceback === undefined) && (missing1 = "traceback"))){
const err1 = {instancePath:instancePath+"/error",schemaPath:"#/definitions/RunnerRunError/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
const _errs14 = errors;
for(const key1 in data3){
if(!(((key1 === "type") || (key1 === "message")) || (key1 === "traceback"))){
const err2 = {instancePath:instancePath+"/error",schemaPath:"#/definitions/RunnerRunError/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
break;
}
}
if(_errs14 === errors){
if(data3.type !== undefined){
let data4 = data3.type;
const _errs15 = errors;
if(errors === _errs15){
if(typeof data4 === "string"){
if(func2(data4) > 256){
const err3 = {instancePath:instancePath+"/error/type",schemaPath:"#/definitions/RunnerRunError/properties/type/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/error/type",schemaPath:"#/definitions/RunnerRunError/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid3 = _errs15 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.message !== undefined){
const _errs17 = errors;
if(typeof data3.message !== "string"){
const err5 = {instancePath:instancePath+"/error/message",schemaPath:"#/definitions/RunnerRunError/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid3 = _errs17 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data3.traceback !== undefined){
const _errs19 = errors;
if(typeof data3.traceback !== "string"){
const err6 = {instancePath:instancePath+"/error/traceback",schemaPath:"#/definitions/RunnerRunError/properties/traceback/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var valid3 = _errs19 === errors;
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
const err7 = {instancePath:instancePath+"/error",schemaPath:"#/definitions/RunnerRunError/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
}
if(!valid1){
const err8 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
validate28.errors = vErrors;
return false;
}
else {
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.messageCharsCut !== undefined){
let data7 = data.messageCharsCut;
const _errs21 = errors;
if(!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))){
validate28.errors = [{instancePath:instancePath+"/messageCharsCut",schemaPath:"#/properties/messageCharsCut/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs21){
if(typeof data7 == "number"){
if(data7 < 0 || isNaN(data7)){
validate28.errors = [{instancePath:instancePath+"/messageCharsCut",schemaPath:"#/properties/messageCharsCut/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tracebackCharsCut !== undefined){
let data8 = data.tracebackCharsCut;
const _errs23 = errors;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
validate28.errors = [{instancePath:instancePath+"/tracebackCharsCut",schemaPath:"#/properties/tracebackCharsCut/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs23){
if(typeof data8 == "number"){
if(data8 < 0 || isNaN(data8)){
validate28.errors = [{instancePath:instancePath+"/tracebackCharsCut",schemaPath:"#/properties/tracebackCharsCut/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.displaysDropped !== undefined){
let data9 = data.displaysDropped;
const _errs25 = errors;
if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){
validate28.errors = [{instancePath:instancePath+"/displaysDropped",schemaPath:"#/properties/displaysDropped/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs25){
if(typeof data9 == "number"){
if(data9 < 0 || isNaN(data9)){
validate28.errors = [{instancePath:instancePath+"/displaysDropped",schemaPath:"#/properties/displaysDropped/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stdoutBytesCut !== undefined){
let data10 = data.stdoutBytesCut;
const _errs27 = errors;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
validate28.errors = [{instancePath:instancePath+"/stdoutBytesCut",schemaPath:"#/properties/stdoutBytesCut/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs27){
if(typeof data10 == "number"){
if(data10 < 0 || isNaN(data10)){
validate28.errors = [{instancePath:instancePath+"/stdoutBytesCut",schemaPath:"#/properties/stdoutBytesCut/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stderrBytesCut !== undefined){
let data11 = data.stderrBytesCut;
const _errs29 = errors;
if(!((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11)))){
validate28.errors = [{instancePath:instancePath+"/stderrBytesCut",schemaPath:"#/properties/stderrBytesCut/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs29){
if(typeof data11 == "number"){
if(data11 < 0 || isNaN(data11)){
validate28.errors = [{instancePath:instancePath+"/stderrBytesCut",schemaPath:"#/properties/stderrBytesCut/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.executionTimeMs !== undefined){
let data12 = data.executionTimeMs;
const _errs31 = errors;
if(errors === _errs31){
if(typeof data12 == "number"){
if(data12 < 0 || isNaN(data12)){
validate28.errors = [{instancePath:instancePath+"/executionTimeMs",schemaPath:"#/properties/executionTimeMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate28.errors = [{instancePath:instancePath+"/executionTimeMs",schemaPath:"#/properties/executionTimeMs/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.interrupted !== undefined){
const _errs33 = errors;
if(typeof data.interrupted !== "boolean"){
validate28.errors = [{instancePath:instancePath+"/interrupted",schemaPath:"#/properties/interrupted/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs33 === errors;
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
validate28.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate28.errors = vErrors;
return errors === 0;
}

export const RunnerSessionResult = validate29;
const schema42 = {"type":"object","required":["sessions"],"additionalProperties":false,"properties":{"sessions":{"type":"integer","minimum":0,"description":"Sessions the runner holds now."}},"title":"RunnerSessionResult","description":"Result of `runner/session`: how many sessions the interpreter holds."};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.sessions === undefined) && (missing0 = "sessions")){
validate29.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "sessions")){
validate29.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.sessions !== undefined){
let data0 = data.sessions;
const _errs2 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate29.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs2){
if(typeof data0 == "number"){
if(data0 < 0 || isNaN(data0)){
validate29.errors = [{instancePath:instancePath+"/sessions",schemaPath:"#/properties/sessions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
}
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

export const RunnerWheelParams = validate30;
const schema43 = {"type":"object","required":["sha256"],"additionalProperties":false,"properties":{"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"The file's sha256."}},"title":"RunnerWheelParams","description":"Params of `runner/wheel` (at any time): the bytes of a package file the daemon offered this runner."};
const pattern5 = new RegExp("^[0-9a-f]{64}$", "u");

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.sha256 === undefined) && (missing0 = "sha256")){
validate30.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "sha256")){
validate30.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.sha256 !== undefined){
let data0 = data.sha256;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern5.test(data0)){
validate30.errors = [{instancePath:instancePath+"/sha256",schemaPath:"#/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate30.errors = [{instancePath:instancePath+"/sha256",schemaPath:"#/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
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
