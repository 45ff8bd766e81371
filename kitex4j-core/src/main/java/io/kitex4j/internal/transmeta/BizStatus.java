package io.kitex4j.internal.transmeta;

import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.*;

import io.kitex4j.errors.BizStatusException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Business status keys: {@code biz-status}, {@code biz-message}, {@code biz-extra} (a JSON object of strings). */
final class BizStatus {
    private BizStatus() {}

    static void write(BizStatusException e, Map<String, String> strs) {
        strs.put(BIZ_STATUS, Integer.toString(e.statusCode()));
        strs.put(BIZ_MESSAGE, e.statusMessage());
        if (!e.extra().isEmpty()) {
            strs.put(BIZ_EXTRA, JsonStrings.write(e.extra()));
        }
    }

    /** The error these keys describe, or {@code null} for a code of 0 or an unparsable code (as Kitex). */
    static BizStatusException parse(String status, String message, String extra) {
        int code;
        try {
            code = Integer.parseInt(status.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (code == 0) {
            return null;
        }
        Map<String, String> extras = Map.of();
        if (extra != null && !extra.isEmpty()) {
            try {
                extras = JsonStrings.read(extra);
            } catch (IllegalArgumentException e) {
                extras = new LinkedHashMap<>();
                extras.put("biz-extra", extra);
            }
        }
        return new BizStatusException(code, message == null ? "" : message, extras);
    }
}
