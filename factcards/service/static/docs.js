// Starts Swagger UI on /openapi.json from the assets shipped with the service (no CDN, no inline script).
"use strict";
(function () {
  const target = document.getElementById("swagger-ui");
  if (target.hidden || typeof window.SwaggerUIBundle !== "function") {
    target.hidden = false;
    target.textContent = "Swagger UI is not installed with this service (pip install fastapi-offline); the OpenAPI document is at /openapi.json.";
    return;
  }
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, tryItOutEnabled: false });
})();
