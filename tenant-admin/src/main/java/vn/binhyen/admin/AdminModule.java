package vn.binhyen.admin;

import io.vertx.core.Future;
import java.time.Duration;
import vn.binhyen.admin.audit.AuditRoutes;
import vn.binhyen.admin.console.ConsolePages;
import vn.binhyen.admin.console.UploadRoutes;
import vn.binhyen.admin.importing.UnitImportService;
import vn.binhyen.admin.registry.ChannelRegistryRoutes;
import vn.binhyen.admin.registry.ChannelRegistryService;
import vn.binhyen.admin.registry.ReportedFollowers;
import vn.binhyen.admin.reorg.DemoMerge;
import vn.binhyen.admin.reorg.ReorgReviews;
import vn.binhyen.admin.reorg.ReorgRoutes;
import vn.binhyen.admin.reorg.ReorgService;
import vn.binhyen.admin.users.UserAdminRoutes;
import vn.binhyen.admin.users.UserAdminService;
import vn.binhyen.core.channel.ChannelFollowers;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.DemoData;
import vn.binhyen.core.module.FeatureModule;
import vn.binhyen.core.module.Services;

/** The administration plane: onboarding, users, unit import, reorganisation, the channel registry, audit, console. */
public final class AdminModule implements FeatureModule {

  /** How long a one-time password set-up link stays valid (BINHYEN_SETUP_LINK_HOURS, 1–720, default 72). */
  static Duration setupLinkTtl(vn.binhyen.core.config.Settings settings) {
    return Duration.ofHours(settings.integer("BINHYEN_SETUP_LINK_HOURS", 72, 1, 720));
  }

  @Override
  public String name() {
    return "tenant-admin";
  }

  @Override
  public Future<Void> start(Services s) {
    s.register(UserAdminService.class, new UserAdminService(s, setupLinkTtl(s.config().settings())));
    s.register(ChannelRegistryService.class, new ChannelRegistryService(s));
    s.register(ChannelFollowers.class, new ReportedFollowers());
    s.register(UnitImportService.class, new UnitImportService(s));
    s.register(ReorgService.class, new ReorgService(s));
    s.register(ReorgReviews.class, new ReorgReviews(s));
    return Future.succeededFuture();
  }

  @Override
  public void mount(Api api) {
    Services s = api.services();
    new UserAdminRoutes(s.get(UserAdminService.class)).mount(api);
    new ChannelRegistryRoutes(s.get(ChannelRegistryService.class), s).mount(api);
    new ReorgRoutes(s.get(ReorgService.class), s.get(ReorgReviews.class)).mount(api);
    new AuditRoutes(s).mount(api);
    UploadRoutes uploads = new UploadRoutes(s, api.authenticator(), s.get(UnitImportService.class),
        s.get(ChannelRegistryService.class));
    api.routes(router -> {
      uploads.mount(router);
      ConsolePages.mount(router);
    });
  }

  /** The demo's one reorganisation: an old ward merged into its successor (DemoMerge). */
  @Override
  public Future<Void> seedDemo(Services s, DemoData demo) {
    return new DemoMerge(s, s.get(ReorgService.class)).seed();
  }
}
