package vn.binhyen.core.tips;

import io.vertx.core.Future;
import java.util.List;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.module.Services;

/**
 * Demo tips for Phường Ba Đình (00004), Phường Hoàn Kiếm (00070) and Buôn Ma Thuột (24133).
 * Idempotent: each demo tip carries a fixed message id, and a second run is a duplicate.
 */
final class TipsDemo {

  private record Sample(String unit, String category, String text, String place) {}

  private static final List<Sample> SAMPLES = List.of(
      new Sample("00004", "fraud", "Có người gọi điện mạo danh công an phường yêu cầu chuyển tiền để \"xác minh tài khoản\".", "Phố Đội Cấn"),
      new Sample("00004", "security_order", "Nhóm thanh niên tụ tập gây ồn ào sau 23 giờ nhiều đêm liền.", "Ngõ 12 Kim Mã"),
      new Sample("00004", "traffic", "Xe tải đỗ chiếm lòng đường vào giờ cao điểm sáng.", "Đường Liễu Giai"),
      new Sample("00070", "drugs", "Nghi có điểm mua bán ma túy trong quán nước vỉa hè.", "Phố Hàng Bạc"),
      new Sample("00070", "fire", "Dây điện chằng chịt, có mùi khét trước cửa nhà số 5.", "Phố Hàng Đào"),
      new Sample("24133", "crime", "Mất trộm xe máy trong đêm, camera có ghi lại hình ảnh.", "Đường Lê Duẩn"),
      new Sample("24133", "admin_question", "Xin hỏi thủ tục đăng ký tạm trú cho sinh viên thuê trọ.", null));

  private TipsDemo() {}

  static Future<Void> seed(Services s, TipService tips, CaseService cases) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < SAMPLES.size(); i++) {
      Sample sample = SAMPLES.get(i);
      String messageId = "demo-" + (i + 1);
      chain = chain.compose(x -> s.tenantDirectory().byCode(sample.unit())
          .compose(unit -> tips.receive(unit, new NewTip(unit.code(), sample.category(), sample.text(), sample.place(),
              null, null, null, "web", messageId, List.of(), List.of()), null))
          .<Void>mapEmpty()
          .recover(e -> e instanceof DomainError.Conflict || e instanceof DomainError.NotFound
              ? Future.succeededFuture() : Future.failedFuture(e)));
    }
    return chain;
  }
}
