package vn.binhyen.core.http;

import io.vertx.ext.web.RoutingContext;
import vn.binhyen.core.access.AccessPolicy;
import vn.binhyen.core.access.AccessRule;
import vn.binhyen.core.access.Principal;
import vn.binhyen.core.tenant.TenantDirectory;

/**
 * The scope check in front of every operation: authenticates when the rule needs a principal and,
 * for a rule naming a unit parameter, resolves that unit and asks the {@link AccessPolicy}.
 */
final class ScopeHandler {

  private final AccessRule rule;
  private final Authenticator authenticator;
  private final TenantDirectory tenants;
  private final AccessPolicy policy;

  ScopeHandler(AccessRule rule, Authenticator authenticator, TenantDirectory tenants, AccessPolicy policy) {
    this.rule = rule;
    this.authenticator = authenticator;
    this.tenants = tenants;
    this.policy = policy;
  }

  void handle(RoutingContext ctx) {
    if (!rule.needsPrincipal()) {
      ctx.next();
      return;
    }
    authenticator.authenticate(ctx)
        .compose(p -> {
          ctx.put(Requests.PRINCIPAL, p);
          if (rule.kind() != AccessRule.Kind.UNIT) {
            return io.vertx.core.Future.succeededFuture();
          }
          return tenants.byCode(ctx.pathParam(rule.unitParam())).map(t -> {
            policy.check(p, t.path(), rule.action());
            ctx.put(Requests.TENANT, t);
            return null;
          });
        })
        .onSuccess(x -> ctx.next())
        .onFailure(ctx::fail);
  }

  static Principal principalOrNull(RoutingContext ctx) {
    return ctx.get(Requests.PRINCIPAL);
  }
}
