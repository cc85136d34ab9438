package io.betterauth.jakarta.store.jpa.schema;

import io.betterauth.jakarta.config.ModelNames;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Better Auth's DDL for the configured table and column names. The JAR ships Better Auth's own migration output for
 * the default names ({@code META-INF/better-auth/schema/<database>.sql}); this renames its identifiers exactly as
 * Better Auth's {@code getMigrations} names them for {@code modelName} and {@code fields}: the table, its columns,
 * the {@code references} target ({@code user}'s table, column {@code id}) and each index
 * ({@code <table>_<column>_idx}, shortened past 63 bytes as {@link #indexName} does). Column types do not change.
 */
final class SchemaDdl {

    /** {@code create table <q>name<q> (…)} and {@code create index <q>name<q> on <q>table<q> (<q>column<q>)}. */
    private static final Pattern CREATE_TABLE = Pattern.compile("^create table (.)(\\w+)\\1 ");
    private static final Pattern CREATE_INDEX = Pattern.compile("^create index (.)\\w+\\1 on \\1(\\w+)\\1 \\(\\1(\\w+)\\1\\)$");
    private static final int MAX_INDEX_NAME_BYTES = 63;

    private SchemaDdl() {
    }

    /** One statement of the default DDL with the configured names (statements are those of the shipped files). */
    static String rename(String statement, ModelNames names) {
        Matcher index = CREATE_INDEX.matcher(statement);
        if (index.matches()) {
            String q = index.group(1);
            ModelNames.Model model = names.model(index.group(2));
            String column = model.column(index.group(3));
            return "create index " + q + indexName(model.modelName(), column) + q + " on " + q + model.modelName() + q
                    + " (" + q + column + q + ")";
        }
        Matcher table = CREATE_TABLE.matcher(statement);
        if (!table.find()) {
            throw new IllegalArgumentException("Not a statement of Better Auth's DDL: " + statement);
        }
        String q = Pattern.quote(table.group(1));
        ModelNames.Model model = names.model(table.group(2));
        // A referenced table and column (only user.id), or any other identifier: a column of this table.
        Matcher ids = Pattern.compile("references " + q + "(\\w+)" + q + " \\(" + q + "(\\w+)" + q + "\\)|" + q + "(\\w+)" + q)
                .matcher(statement);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        String quote = table.group(1);
        while (ids.find()) {
            String renamed;
            if (ids.group(1) != null) {
                renamed = "references " + quote + names.model(ids.group(1)).modelName() + quote + " (" + quote
                        + ids.group(2) + quote + ")";
            } else if (first) {
                renamed = quote + model.modelName() + quote;
            } else {
                renamed = quote + model.column(ids.group(3)) + quote;
            }
            first = false;
            ids.appendReplacement(out, Matcher.quoteReplacement(renamed));
        }
        ids.appendTail(out);
        return out.toString();
    }

    /**
     * Better Auth's name for a one-column index ({@code getDatabaseFieldIndexName}, byte-compatible): {@code
     * <table>_<column>_idx}, or past 63 bytes its start, then {@code _<FNV-1a of the full name, 8 hex digits>_idx}.
     * Names here are ASCII identifiers, so a character is a byte.
     */
    static String indexName(String table, String column) {
        String generated = table + "_" + column + "_idx";
        if (generated.getBytes(StandardCharsets.UTF_8).length <= MAX_INDEX_NAME_BYTES) {
            return generated;
        }
        int hash = 0x811c9dc5;
        for (int i = 0; i < generated.length(); i++) {
            hash ^= generated.charAt(i);
            hash *= 16777619;
        }
        String suffix = "_" + String.format("%08x", hash) + "_idx";
        String head = generated.substring(0, generated.length() - "idx".length() - 1);
        return head.substring(0, Math.min(head.length(), MAX_INDEX_NAME_BYTES - suffix.length())) + suffix;
    }
}
