// The HTTP API: a Hono application with request and response schemas (the OpenAPI document at
// /openapi.json and a reference page at /docs), bearer tokens with roles, the audit log of every
// write, request ids in JSON log lines, Prometheus metrics, and the built dashboard at /.
export { dashboardDirectory } from "./dashboard-assets.js";
export { type ApiErrorCode, errorResponseOf, HTTP_STATUS_OF } from "./http-error.js";
export { API_VERSION, type AppOptions, createApp } from "./uplink-app.js";
export { type RunningServer, type ServerOptions, startServer } from "./uplink-server.js";
