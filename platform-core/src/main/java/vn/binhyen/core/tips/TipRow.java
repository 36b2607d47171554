package vn.binhyen.core.tips;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.binhyen.core.tips.attachments.StoredFile;

/**
 * One tip ready to be written: the citizen's tip, where it goes, its sealed identity, the stored
 * files and who recorded its receipt ({@code actorId} null for citizens and platforms).
 */
record TipRow(String receipt, byte[] secretHash, long tenantId, String tenantPath, String keyTenant,
    NewTip tip, byte[] contact, byte[] account, OffsetDateTime at, LocalDate day, OffsetDateTime due,
    Long actorId, String actorName, String note, List<StoredFile> files) {

  TipRow {
    files = List.copyOf(files);
  }

  /**
   * The same tip under another receipt (after a receipt collision), with its identity sealed again
   * (the receipt is the seal's associated data).
   */
  TipRow withReceipt(String newReceipt, byte[] newSecretHash, byte[] newContact, byte[] newAccount) {
    return new TipRow(newReceipt, newSecretHash, tenantId, tenantPath, keyTenant, tip, newContact, newAccount,
        at, day, due, actorId, actorName, note, files);
  }
}
