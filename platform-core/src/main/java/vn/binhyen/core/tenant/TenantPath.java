package vn.binhyen.core.tenant;

/** Rules of the materialised path ("BCA/01/00004"): one place, used by code and mirrored in SQL. */
public final class TenantPath {

  public static final String SEPARATOR = "/";

  private TenantPath() {}

  /** Whether {@code inner} is {@code outer} or in its subtree. */
  public static boolean contains(String outer, String inner) {
    return inner.equals(outer) || inner.startsWith(outer + SEPARATOR);
  }

  public static String child(String parentPath, String code) {
    return parentPath + SEPARATOR + code;
  }

  /** The province part of a path ("BCA/01/00004" → "BCA/01"), or the path itself above it. */
  public static String province(String path) {
    String[] parts = path.split(SEPARATOR);
    return parts.length >= 2 ? parts[0] + SEPARATOR + parts[1] : path;
  }
}
