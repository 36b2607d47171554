package vn.binhyen.verifier.impostor.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Collectors;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.verifier.impostor.OfficialChannel;
import vn.binhyen.verifier.impostor.Reason;
import vn.binhyen.verifier.impostor.Resemblance;

/** JSON of a check answer, shared by the public route and the {@code ImpostorCheck} service. */
public final class CheckJson {

  private CheckJson() {}

  public static JsonObject answer(CheckService.Answer a) {
    JsonArray reasons = new JsonArray();
    for (Reason r : a.verdict().reasons()) {
      reasons.add(new JsonObject().put("code", r.code()).put("messageVi", r.messageVi())
          .put("messageEn", r.messageEn()).put("weight", round(r.weight())).put("technical", r.technical()));
    }
    JsonArray resembles = new JsonArray();
    for (Resemblance r : a.verdict().resembles()) {
      resembles.add(channel(r.channel()).put("similarity", round(r.similarity())));
    }
    JsonArray named = new JsonArray();
    for (CheckService.NamedUnit u : a.namedUnits()) {
      named.add(namedUnit(u));
    }
    return new JsonObject()
        .put("verdict", a.verdict().verdict().name())
        .put("score", round(a.verdict().score()))
        .put("reasons", reasons)
        .put("resembles", resembles)
        .put("namedUnits", named)
        .put("normalizedLink", a.normalizedLink())
        .put("platform", a.platform());
  }

  public static JsonObject channel(OfficialChannel c) {
    return new JsonObject()
        .put("channelId", c.channelId())
        .put("platform", c.platform())
        .put("normalizedId", c.normalizedId())
        .put("url", url(c))
        .put("displayName", c.displayName())
        .put("unitCode", c.unitCode())
        .put("unitName", c.unitName());
  }

  private static JsonObject namedUnit(CheckService.NamedUnit u) {
    JsonArray channels = new JsonArray();
    u.channels().forEach(c -> channels.add(channel(c)));
    String list = u.channels().stream().map(c -> c.displayName() + " (" + url(c) + ")")
        .collect(Collectors.joining("; "));
    String unit = u.name() == null || u.name().isBlank() ? u.code() : u.name() + " (" + u.code() + ")";
    return new JsonObject()
        .put("code", u.code())
        .put("name", u.name())
        .put("officialChannels", channels)
        .put("messageVi", "Các trang chính thức duy nhất của đơn vị " + unit + " là: " + list
            + ". Nếu trang bạn đang xem không phải một trong số này thì đó không phải trang chính thức.")
        .put("messageEn", "The only official pages of the unit " + unit + " are: " + list
            + ". If the page you see is not one of them, it is not official.");
  }

  private static String url(OfficialChannel c) {
    Platform p = Platform.byId(c.platform()).orElse(Platform.WEBSITE);
    return ChannelLinks.url(new ChannelRef(p, c.normalizedId()));
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}
