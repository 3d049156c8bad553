package io.pairprog.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.pairprog.ot.TextOperation;
import java.io.IOException;
import java.util.List;

/**
 * Writes an operation as its wire array, {@code [5,"abc",-2]}. Same output as the {@code @JsonValue} on
 * {@link TextOperation#toWire()}, but straight to the generator, without the intermediate list, because
 * every stored edit is written for its broadcast and again for the database. Register it in a mapper with
 * {@link #module()}.
 */
public final class OperationSerializer extends StdSerializer<TextOperation> {

    private static final long serialVersionUID = 1L;

    OperationSerializer() {
        super(TextOperation.class);
    }

    /** A Jackson module that makes a mapper write operations through this serializer. */
    public static SimpleModule module() {
        return new SimpleModule("pairprog-ot").addSerializer(new OperationSerializer());
    }

    @Override
    public void serialize(TextOperation op, JsonGenerator gen, SerializerProvider provider) throws IOException {
        List<TextOperation.Component> components = op.components();
        gen.writeStartArray(op, components.size());
        for (TextOperation.Component c : components) {
            if (c instanceof TextOperation.Insert i) {
                gen.writeString(i.text());
            } else {
                gen.writeNumber(c instanceof TextOperation.Retain ? c.length() : -c.length());
            }
        }
        gen.writeEndArray();
    }
}
