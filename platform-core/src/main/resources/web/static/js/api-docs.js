// Swagger UI over our own contract, with no calls to the internet (no validator, no petstore).
window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', validatorUrl: null, deepLinking: true });
});
