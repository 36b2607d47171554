package vn.binhyen.core.http;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract as the router sees it, with one schema validator per schema instead of one per
 * request. vertx-openapi 5.0 asks the contract's schema repository for a new validator for every
 * request body and parameter, and each new validator copies the repository's whole lookup map
 * (every sub-object of the merged contract): with five modules' contracts that copy cost about a
 * millisecond of CPU per request and capped tip intake near 1,000/s (profile in docs/benchmarks.md).
 * A validator only reads its map after construction, so one per schema serves every request.
 *
 * <p>Each cached validator first tries {@link FastAccept}'s quick check where the schema allows one.
 *
 * <p>Keys are the schema instances the contract's operations hold (identity, not equality: the
 * contract is parsed once, so the cache holds at most one entry per schema in it).
 */
final class ValidatorCache {

  static final int MAX_SCHEMAS = 10_000;

  private ValidatorCache() {}

  static OpenAPIContract around(OpenAPIContract contract) {
    return new CachingContract(contract, new CachingRepository(contract.getSchemaRepository()));
  }

  /** Identity of a schema instance (JsonSchema's own equals compares whole JSON trees). */
  private record Key(JsonSchema schema) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.schema == schema;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(schema);
    }
  }

  private record CachingRepository(SchemaRepository delegate, Map<Key, Validator> validators)
      implements SchemaRepository {

    CachingRepository(SchemaRepository delegate) {
      this(delegate, new ConcurrentHashMap<>());
    }

    @Override
    public Validator validator(JsonSchema schema) {
      Validator known = validators.get(new Key(schema));
      if (known != null) {
        return known;
      }
      // A contract has a few hundred schemas: more means the library handed out new instances
      // per request, and caching them would only grow; build one as the library would.
      if (validators.size() >= MAX_SCHEMAS) {
        return delegate.validator(schema);
      }
      return validators.computeIfAbsent(new Key(schema),
          k -> FastAccept.around(k.schema(), delegate.validator(k.schema())));
    }

    @Override public SchemaRepository dereference(JsonSchema schema) { return delegate.dereference(schema); }
    @Override public SchemaRepository dereference(String uri, JsonSchema schema) { return delegate.dereference(uri, schema); }
    @Override public SchemaRepository preloadMetaSchema(FileSystem fs) { return delegate.preloadMetaSchema(fs); }
    @Override public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) { return delegate.preloadMetaSchema(fs, draft); }
    @Override public Validator validator(String ref) { return delegate.validator(ref); }
    @Override public Validator validator(String ref, JsonSchemaOptions options) { return delegate.validator(ref, options); }
    @Override public Validator validator(JsonSchema schema, JsonSchemaOptions options) { return delegate.validator(schema, options); }
    @Override public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
      return delegate.validator(schema, options, dereference);
    }
    @Override public JsonObject resolve(JsonObject schema) { return delegate.resolve(schema); }
    @Override public JsonSchema find(String pointer) { return delegate.find(pointer); }
  }

  private record CachingContract(OpenAPIContract delegate, SchemaRepository repository) implements OpenAPIContract {
    @Override public SchemaRepository getSchemaRepository() { return repository; }
    @Override public Operation operation(String operationId) { return delegate.operation(operationId); }
    @Override public List<Operation> operations() { return delegate.operations(); }
    @Override public List<Path> getPaths() { return delegate.getPaths(); }
    @Override public JsonObject getRawContract() { return delegate.getRawContract(); }
    @Override public OpenAPIVersion getVersion() { return delegate.getVersion(); }
    @Override public List<Server> getServers() { return delegate.getServers(); }
    @Override public Path findPath(String urlPath) { return delegate.findPath(urlPath); }
    @Override public Operation findOperation(String urlPath, HttpMethod method) { return delegate.findOperation(urlPath, method); }
    @Override public List<SecurityRequirement> getSecurityRequirements() { return delegate.getSecurityRequirements(); }
    @Override public SecurityScheme securityScheme(String name) { return delegate.securityScheme(name); }
  }
}
