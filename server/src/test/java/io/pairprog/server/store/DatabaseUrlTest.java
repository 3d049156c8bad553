package io.pairprog.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void seedAsyncpgUrlBecomesJdbcWithCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+asyncpg://postgres:s%40cret@db.local:5433/pairprog");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/pairprog");
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.isPostgres()).isTrue();
    }

    @Test
    void plainPostgresqlAndPostgresSchemesAreAccepted() {
        assertThat(DatabaseUrl.parse("postgresql://localhost/test").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/test");
        assertThat(DatabaseUrl.parse("postgres://u@h:1/d?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:1/d?sslmode=require");
    }

    @Test
    void jdbcUrlsPassThrough() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/d?user=x").jdbcUrl()).isEqualTo("jdbc:postgresql://h/d?user=x");
        assertThat(DatabaseUrl.parse("jdbc:h2:mem:x").isPostgres()).isFalse();
    }

    @Test
    void redactedUrlHidesQueryParameters() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/d?password=secret").redacted()).isEqualTo("jdbc:postgresql://h/d");
    }

    @Test
    void embeddedDefaultIsAnH2FileInPostgresMode() {
        DatabaseUrl url = DatabaseUrl.embedded(Path.of("data"));
        assertThat(url.jdbcUrl()).startsWith("jdbc:h2:file:").contains("MODE=PostgreSQL");
    }

    @Test
    void unsupportedOrBrokenUrlsSayWhy() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/d")).hasMessageContaining("unsupported database URL scheme");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
    }
}
