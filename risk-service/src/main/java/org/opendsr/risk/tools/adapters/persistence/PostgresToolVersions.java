package org.opendsr.risk.tools.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.risk.tools.application.ToolDocuments;
import org.opendsr.risk.tools.application.ToolVersions;
import org.opendsr.risk.tools.domain.PublishedTool;

/** Tool versions in {@code rating_tool_version}; the definition is the checked document, read back the same way. */
@Singleton
class PostgresToolVersions implements ToolVersions {

    private static final String COLUMNS =
            "SELECT definition::text, published_at, published_by FROM rating_tool_version ";

    private final JdbcOperations jdbc;
    private final ToolDocuments documents;

    PostgresToolVersions(JdbcOperations jdbc, ToolDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    @Override
    public Optional<PublishedTool> find(String toolId, int version) {
        return query(COLUMNS + "WHERE tool_id = ? AND version = ?", toolId, version).stream().findFirst();
    }

    @Override
    public List<PublishedTool> versionsOf(String toolId) {
        return query(COLUMNS + "WHERE tool_id = ? ORDER BY version DESC", toolId);
    }

    @Override
    public List<PublishedTool> currentVersions() {
        return query("SELECT DISTINCT ON (tool_id) definition::text, published_at, published_by "
                + "FROM rating_tool_version ORDER BY tool_id, version DESC");
    }

    @Override
    public boolean add(PublishedTool tool) {
        return jdbc.prepareStatement("INSERT INTO rating_tool_version (tool_id, version, definition, published_at, "
                + "published_by) VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT (tool_id, version) DO NOTHING", insert -> {
                    insert.setString(1, tool.toolId());
                    insert.setInt(2, tool.version());
                    insert.setString(3, documents.write(tool.definition()));
                    insert.setTimestamp(4, Timestamp.from(tool.publishedAt()));
                    insert.setString(5, tool.publishedBy());
                    return insert.executeUpdate() == 1;
                });
    }

    private List<PublishedTool> query(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<PublishedTool> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new PublishedTool(documents.read(rows.getString(1)),
                            rows.getTimestamp(2).toInstant(), rows.getString(3)));
                }
            }
            return found;
        });
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
