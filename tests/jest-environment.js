// Jest runs each test file in its own realm, so a Float32Array made there is not an instance of
// the outer realm's Float32Array that onnxruntime-node checks against ("A float32 tensor's data
// must be type of function Float32Array()"). Share the outer realm's typed-array constructors.
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

const SHARED = [
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int8Array',
  'Uint16Array',
  'Int16Array',
  'Uint32Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array'
];

class OuterRealmTypedArraysEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) {
      if (globalThis[name]) this.global[name] = globalThis[name];
    }
  }
}

module.exports = OuterRealmTypedArraysEnvironment;
