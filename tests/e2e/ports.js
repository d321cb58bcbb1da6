// Ports of the browser-test stack (override with E2E_SERVER_PORT / E2E_LAB_PORT).
exports.ports = {
  server: Number(process.env.E2E_SERVER_PORT || 18000),
  lab: Number(process.env.E2E_LAB_PORT || 18888)
};
