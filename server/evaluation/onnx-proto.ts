/**
 * Decodes an ONNX file's ModelProto with protobufjs, using only the fields the pre-scan needs,
 * written down from the ONNX specification (onnx/onnx.proto, IR version 10+). Field numbers are
 * the specification's; every other field (tensor payloads such as raw_data and float_data,
 * doc strings, training info) is skipped by the decoder without being copied.
 */
import protobuf from 'protobufjs';

const ONNX_PROTO_SUBSET = `
syntax = "proto3";
package onnx;

message StringStringEntryProto { string key = 1; string value = 2; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }

message TensorProto {
  repeated int64 dims = 1;
  int32 data_type = 2;
  string name = 8;
  repeated StringStringEntryProto external_data = 13;
  int32 data_location = 14;
}

message SparseTensorProto {
  TensorProto values = 1;
  TensorProto indices = 2;
  repeated int64 dims = 3;
}

message TensorShapeProto {
  message Dimension { int64 dim_value = 1; string dim_param = 2; }
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  message Sequence { TypeProto elem_type = 1; }
  message Map { int32 key_type = 1; TypeProto value_type = 2; }
  message Optional { TypeProto elem_type = 1; }
  message SparseTensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  Tensor tensor_type = 1;
  Sequence sequence_type = 4;
  Map map_type = 5;
  SparseTensor sparse_tensor_type = 8;
  Optional optional_type = 9;
}

message ValueInfoProto { string name = 1; TypeProto type = 2; }

message AttributeProto {
  string name = 1;
  TensorProto t = 5;
  GraphProto g = 6;
  repeated TensorProto tensors = 10;
  repeated GraphProto graphs = 11;
  SparseTensorProto sparse_tensor = 22;
  repeated SparseTensorProto sparse_tensors = 23;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  repeated AttributeProto attribute = 5;
  string domain = 7;
}

message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
  repeated SparseTensorProto sparse_initializer = 15;
}

message FunctionProto {
  string name = 1;
  repeated NodeProto node = 7;
  repeated OperatorSetIdProto opset_import = 9;
  string domain = 10;
}

message ModelProto {
  int64 ir_version = 1;
  string producer_name = 2;
  string producer_version = 3;
  GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
  repeated FunctionProto functions = 25;
}
`;

export interface OnnxTensor {
  dims?: (number | Long)[];
  data_type?: number;
  name?: string;
  external_data?: { key?: string; value?: string }[];
  data_location?: number;
}
export interface OnnxSparseTensor {
  values?: OnnxTensor;
  indices?: OnnxTensor;
}
export interface OnnxDimension {
  dim_value?: number | Long;
  dim_param?: string;
}
export interface OnnxType {
  tensor_type?: { elem_type?: number; shape?: { dim?: OnnxDimension[] } };
  sequence_type?: { elem_type?: OnnxType };
  map_type?: { key_type?: number; value_type?: OnnxType };
  sparse_tensor_type?: { elem_type?: number };
  optional_type?: { elem_type?: OnnxType };
}
export interface OnnxValueInfo {
  name?: string;
  type?: OnnxType;
}
export interface OnnxAttribute {
  name?: string;
  t?: OnnxTensor;
  g?: OnnxGraph;
  tensors?: OnnxTensor[];
  graphs?: OnnxGraph[];
  sparse_tensor?: OnnxSparseTensor;
  sparse_tensors?: OnnxSparseTensor[];
}
export interface OnnxNode {
  input?: string[];
  output?: string[];
  name?: string;
  op_type?: string;
  attribute?: OnnxAttribute[];
  domain?: string;
}
export interface OnnxGraph {
  node?: OnnxNode[];
  name?: string;
  initializer?: OnnxTensor[];
  input?: OnnxValueInfo[];
  output?: OnnxValueInfo[];
  sparse_initializer?: OnnxSparseTensor[];
}
export interface OnnxOpset {
  domain?: string;
  version?: number | Long;
}
export interface OnnxFunction {
  name?: string;
  node?: OnnxNode[];
  opset_import?: OnnxOpset[];
  domain?: string;
}
export interface OnnxModel {
  ir_version?: number | Long;
  producer_name?: string;
  producer_version?: string;
  graph?: OnnxGraph;
  opset_import?: OnnxOpset[];
  functions?: OnnxFunction[];
}

interface Long {
  toNumber(): number;
}

let modelType: protobuf.Type | null = null;

function getModelType(): protobuf.Type {
  if (!modelType) {
    modelType = protobuf.parse(ONNX_PROTO_SUBSET, { keepCase: true }).root.lookupType('onnx.ModelProto');
  }
  return modelType;
}

/** Decodes the bytes as an ONNX ModelProto; throws protobufjs's error when they are not one. */
export function decodeOnnxModel(bytes: Uint8Array): OnnxModel {
  return getModelType().decode(bytes) as unknown as OnnxModel;
}

/** An int64 field as a JavaScript number (protobufjs gives a Long for large values). */
export function int64(value: number | Long | undefined): number {
  if (value === undefined || value === null) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

/** ONNX TensorProto.DataType codes and the onnxruntime-node tensor type names they map to. */
export const ONNX_ELEMENT_TYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64'
};
