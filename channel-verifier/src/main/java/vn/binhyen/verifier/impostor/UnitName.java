package vn.binhyen.verifier.impostor;

import java.util.Objects;

/**
 * An administrative unit whose police force may be claimed ("Phường Ba Đình": its police is
 * "Công an phường Ba Đình"), or a national police body named as it is ("Bộ Công an", "Cục Cảnh sát
 * hình sự").
 */
public record UnitName(String code, String name) {

    public UnitName {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
