package io.pairprog.server.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pairprog.server.history.RoomHistory;
import io.pairprog.server.room.RoomRegistry;
import io.pairprog.server.store.RoomFileStore;
import io.pairprog.server.store.RoomStore;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey side of the server: resources, JSON settings and the one error mapper. */
public final class RestApplication {
    private RestApplication() {
    }

    /** Request bodies arrive complete and within the size limit: the HTTP edge reads them first. */
    public static ResourceConfig create(RoomStore rooms, RoomFileStore files, RoomHistory history, RoomRegistry registry,
                                        io.pairprog.server.autocomplete.CompletionSettings completion) {
        ObjectMapper json = objectMapper();
        return new ResourceConfig()
                .registerInstances(new RoomResource(rooms, registry, json), new HistoryResource(rooms, history, registry, json),
                        new AutocompleteResource(completion), new FilesResource(rooms, files, registry, json))
                .register(new ErrorMapper())
                .register(new JsonBodies())
                // Jackson's own mappers answer in plain text; ours answer in the API's JSON error shape.
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new JsonResolver(json))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }

    /**
     * Lenient about unknown fields (seed clients send more); strict about everything else: duplicate keys,
     * a number for a number ({@code "0"} and {@code 0.5} are no integer), nothing after the one JSON value,
     * and no lone surrogate in a string ({@link StrictStrings}).
     */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(StrictStrings.module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Hands Jersey our mapper. A named class, not a lambda: Jersey finds a resolver by its generic type,
     * which a lambda erases, and would silently fall back to a default mapper (numeric timestamps).
     */
    private static final class JsonResolver implements ContextResolver<ObjectMapper> {
        private final ObjectMapper json;

        JsonResolver(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return json;
        }
    }
}
