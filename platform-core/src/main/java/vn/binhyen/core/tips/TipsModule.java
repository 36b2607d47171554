package vn.binhyen.core.tips;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.binhyen.core.http.Json;
import vn.binhyen.core.http.Requests;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.DemoData;
import vn.binhyen.core.module.FeatureModule;
import vn.binhyen.core.module.Services;
import vn.binhyen.core.tips.attachments.AttachmentStore;
import vn.binhyen.core.tips.attachments.FileAttachmentStore;
import vn.binhyen.core.tips.rollup.RollupService;
import vn.binhyen.core.tips.webhook.MediaFetcher;
import vn.binhyen.core.tips.webhook.Signatures;
import vn.binhyen.core.tips.webhook.WebhookIntake;
import vn.binhyen.core.tips.webhook.WebhookRoutes;
import vn.binhyen.core.tips.webhook.WebhookSecretService;

/**
 * Citizens' tips: intake from the web form, officers and the Zalo/Facebook webhooks, the handling
 * workflow, identity confidentiality, roll-ups up the hierarchy and the live dashboard.
 */
public final class TipsModule implements FeatureModule {

  private TipSettings settings;
  private TipService tips;
  private CaseService cases;
  private RollupService rollups;
  private WebhookSecretService secrets;
  private Signatures signatures;
  private MediaFetcher media;
  private WebhookIntake intake;

  @Override
  public String name() {
    return "tips";
  }

  @Override
  public Future<Void> start(Services services) {
    settings = TipSettings.from(services.config().settings());
    signatures = new Signatures(settings.zaloMacOrder());
    TipRepository repo = new TipRepository();
    AttachmentStore store = new FileAttachmentStore(services.vertx(), services.config().attachmentDir(),
        settings.maxAttachmentBytes());
    IdentitySeal seal = new IdentitySeal(services.masterKey());
    Path uploads = services.config().dataDir().resolve("uploads-tmp");
    try {
      Files.createDirectories(uploads);
    } catch (IOException e) {
      return Future.failedFuture(new IllegalStateException("cannot create " + uploads + ": " + e.getMessage(), e));
    }
    media = new MediaFetcher(services.vertx(), uploads, settings.maxAttachmentBytes(), settings.webhookMediaOrigins());
    return repo.categories(services.db().pool()).map(list -> {
      Map<String, TipCategory> byId = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      list.forEach(c -> {
        byId.put(c.id(), c);
        names.put(c.id(), c.nameVi() + " / " + c.nameEn());
      });
      secrets = new WebhookSecretService(services);
      ReplyRepository replies = new ReplyRepository();
      ReplySender sender = new ReplySender(services, replies, seal, secrets, store);
      sender.register(services.outbox());
      tips = new TipService(services, repo, store, seal, settings, byId, replies, sender);
      cases = new CaseService(services, repo, new InboxRepository(), store, seal, replies, sender);
      rollups = new RollupService(services.db(), names);
      intake = new WebhookIntake(services, tips, media, settings.maxAttachments());
      intake.register(services.outbox());
      services.register(WebhookIntake.class, intake);
      SlaSweeper sweeper = new SlaSweeper(services, repo, settings);
      services.register(TipService.class, tips);
      services.register(CaseService.class, cases);
      services.register(RollupService.class, rollups);
      services.register(SlaSweeper.class, sweeper);
      services.reorgParticipants().add(new TipsReorg());
      sweeper.start();
      return null;
    });
  }

  @Override
  public void mount(Api api) {
    var config = api.services().config();
    new TipRoutes(tips, cases, rollups, settings)
        .mount(api, config.dataDir().resolve("uploads-tmp"), config.uploadLimitBytes());
    api.operation("putChannelWebhookSecret", ctx -> {
      var b = Json.body(ctx);
      secrets.set(Requests.principal(ctx), Requests.tenant(ctx), Long.parseLong(ctx.pathParam("channelId")),
              b.getString("secret"), b.getString("appId"), b.getString("verifyToken"), b.getString("accessToken"),
              b.getString("refreshToken"), b.getString("appSecret"), Requests.requestId(ctx))
          .onSuccess(x -> Json.noContent(ctx)).onFailure(ctx::fail);
    });
    api.routes(router -> {
      new WebhookRoutes(api.services(), secrets, signatures, intake).mount(router);
      new LiveRoutes(api).mount(router);
      TipPages.mount(router);
    });
  }

  @Override
  public Future<Void> seedDemo(Services services, DemoData demo) {
    return TipsDemo.seed(services, tips, cases);
  }

}
