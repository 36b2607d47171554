package vn.binhyen.core.module;

import io.vertx.core.Future;

/**
 * A part of the platform that plugs into every node: its SQL migrations ({@code db/<name>} on the
 * class path), its part of the OpenAPI contract, its services (started once per node) and its
 * routes (mounted once per HTTP verticle). Found with {@link java.util.ServiceLoader}; feature
 * modules meet only through platform-core types and the event bus.
 */
public interface FeatureModule {

  /** Module name; its migrations live in {@code db/<name>}. */
  String name();

  /** Lower starts first: core 0, feature modules 10 and up. */
  default int order() {
    return 10;
  }

  /** Class path resource of this module's part of the OpenAPI contract, or null. */
  default String contract() {
    return "openapi/" + name() + ".yaml";
  }

  /** Builds the module's services; called once per node after the core services exist. */
  default Future<Void> start(Services services) {
    return Future.succeededFuture();
  }

  /** Mounts the module's handlers; called once per HTTP verticle. */
  void mount(Api api);

  /** Adds the module's part of the demo country (after core's units and users exist). */
  default Future<Void> seedDemo(Services services, DemoData demo) {
    return Future.succeededFuture();
  }
}
