package io.pairprog.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.pairprog.protocol.ErrorCode;
import java.io.IOException;

/**
 * Refuses JSON strings holding a lone UTF-16 surrogate ({@code "\ud800"} without its pair). JSON escapes can
 * spell one, Java strings can hold one, but no UTF-8 text can: a name or text that got in would later fail
 * the WebSocket encoder of every client it is sent to.
 */
final class StrictStrings extends StringDeserializer {
    static SimpleModule module() {
        return new SimpleModule("strict-strings").addDeserializer(String.class, new StrictStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value != null && hasLoneSurrogate(value)) {
            String field = parser.currentName();
            throw new ApiException(400, ErrorCode.INVALID_REQUEST, (field == null ? "a string" : "field '" + field + "'")
                    + " holds a lone UTF-16 surrogate, which is not text");
        }
        return value;
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
