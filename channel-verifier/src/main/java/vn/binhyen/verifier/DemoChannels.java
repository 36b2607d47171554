package vn.binhyen.verifier;

import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.ChannelRepository;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.module.Services;
import vn.binhyen.verifier.attest.AttestationService;
import vn.binhyen.verifier.registry.VerificationRegistry;

/**
 * The demo country's official channels: the ministry's real ones, Hà Nội police's page, ward
 * pages and Zalo groups in Hà Nội and Đắk Lắk, Đắk Lắk police's page. Verified and logged at
 * start; a second start finds them verified and adds nothing.
 */
final class DemoChannels {

  /** One demo channel. */
  record Demo(String unitCode, String link, String name, String serves) {}

  static final List<Demo> CHANNELS = List.of(
      new Demo("BCA", "https://www.facebook.com/mps.gov", "Bộ Công an", null),
      new Demo("BCA", "https://mps.gov.vn", "Cổng Thông tin điện tử Bộ Công an", null),
      new Demo("BCA", "https://bocongan.gov.vn", "Cổng Thông tin điện tử Bộ Công an (bocongan.gov.vn)", null),
      new Demo("01", "https://www.facebook.com/ConganThuDo", "Công an Thành phố Hà Nội", null),
      new Demo("00004", "https://www.facebook.com/CongAnPhuongBaDinh", "Công an phường Ba Đình", null),
      new Demo("00004", "https://zalo.me/g/badinhtdp01", "Tổ dân phố số 1 – phường Ba Đình", "Tổ dân phố số 1"),
      new Demo("00004", "https://zalo.me/g/badinhtdp02", "Tổ dân phố số 2 – phường Ba Đình", "Tổ dân phố số 2"),
      new Demo("00070", "https://www.facebook.com/CongAnPhuongHoanKiem", "Công an phường Hoàn Kiếm", null),
      new Demo("00070", "https://zalo.me/g/hoankiemcdc03", "Cụm dân cư số 3 – phường Hoàn Kiếm", "Cụm dân cư số 3"),
      new Demo("66", "https://www.facebook.com/CongAnTinhDakLak", "Công an tỉnh Đắk Lắk", null),
      new Demo("24133", "https://www.facebook.com/CongAnPhuongBuonMaThuot", "Công an phường Buôn Ma Thuột", null),
      new Demo("24133", "https://zalo.me/g/bmtkhoi05", "Khối 5 – phường Buôn Ma Thuột", "Khối 5"));

  private static final Logger log = LoggerFactory.getLogger(DemoChannels.class);

  private final Services services;
  private final AttestationService attestations;
  private final ChannelRepository channels = new ChannelRepository();

  DemoChannels(Services services, AttestationService attestations) {
    this.services = services;
    this.attestations = attestations;
  }

  Future<Void> seed() {
    Future<Integer> chain = Future.succeededFuture(0);
    for (Demo demo : CHANNELS) {
      chain = chain.compose(n -> seed(demo).map(issued -> issued ? n + 1 : n));
    }
    return chain.map(n -> {
      log.info("Demo channels: {} verified now, {} already verified", n, CHANNELS.size() - n);
      return null;
    });
  }

  private Future<Boolean> seed(Demo demo) {
    ChannelRef ref = ChannelLinks.normalize(demo.link());
    VerificationRegistry registry = services.get(VerificationRegistry.class);
    return services.tenantDirectory().byCode(demo.unitCode()).compose(unit -> services.db().inScope(unit.path(), tx ->
            channels.findByNormalizedId(tx, ref.normalizedId()).compose(found -> found.isPresent()
                ? Future.succeededFuture(found.get())
                : channels.insert(tx, unit.id(), unit.path(), ref, ChannelLinks.url(ref), demo.name(),
                    ChannelStatus.PENDING, demo.serves(), null)))
        .compose(channel -> {
          boolean official = registry.byId(channel.id()).map(e -> e.official()).orElse(false);
          return official ? Future.succeededFuture(false)
              : attestations.issue(null, channel.id(), "demo").map(x -> true);
        }));
  }
}
