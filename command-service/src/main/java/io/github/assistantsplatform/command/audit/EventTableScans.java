package io.github.assistantsplatform.command.audit;

import io.github.assistantsplatform.audit.StoredEvent;
import io.github.assistantsplatform.audit.StreamHead;
import io.github.assistantsplatform.eventstore.EventTable;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The audit's reads of the event table, by SQL over the rows as stored (the chain is taken over the
 * stored bytes, not over what Axon makes of them after upcasting). Long scans run in a read-only
 * transaction with a fetch size, so that PostgreSQL streams them through a cursor.
 */
class EventTableScans {

    private static final int FETCH_SIZE = 1_000;
    /** The advisory lock key of the anchoring, one for every replica ("audit" in ASCII). */
    private static final long ANCHORING_LOCK = 0x6175646974L;

    /** Receives one row of a scan; may throw to end it. */
    interface Rows {
        void accept(StoredEvent event) throws Exception;
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    EventTableScans(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Whether this transaction holds the anchoring lock now (it is released as the transaction ends). */
    boolean tryAnchoringLock() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, ANCHORING_LOCK));
    }

    /** The position of the newest event stored before {@code before}, if any. */
    OptionalLong positionBefore(Instant before) {
        List<Long> position = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE time_stamp < ? ORDER BY global_index DESC LIMIT 1",
                Long.class,
                DateTimeUtils.formatInstant(before));
        return position.isEmpty() ? OptionalLong.empty() : OptionalLong.of(position.get(0));
    }

    /** The position of the first row with a recorded link, {@link Long#MAX_VALUE} when there is none. */
    long chainStart() {
        Long start = jdbc.queryForObject(
                "SELECT min(global_index) FROM domain_event_entry WHERE position(convert_to(?, 'UTF8') in meta_data) > 0",
                Long.class,
                "\"" + StoredEvent.HASH + "\"");
        return start == null ? Long.MAX_VALUE : start;
    }

    long eventsBelow(long position) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE global_index < ?", Long.class, position);
    }

    /** Every stream's last event at {@code position}, with its link (recorded, or folded for an older row). */
    List<StreamHead> headsAt(long position) {
        return readOnly.execute(status -> jdbc.execute((ConnectionCallback<List<StreamHead>>) connection -> {
            List<StreamHead> heads = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, meta_data"
                            + " FROM domain_event_entry WHERE global_index <= ?"
                            + " ORDER BY aggregate_identifier, sequence_number DESC")) {
                query.setFetchSize(FETCH_SIZE);
                query.setLong(1, position);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        heads.add(new StreamHead(
                                rows.getString(1), rows.getLong(2), EventTable.recordedLink(rows.getBytes(3))));
                    }
                }
            }
            List<StreamHead> linked = new ArrayList<>(heads.size());
            for (StreamHead head : heads) {
                linked.add(
                        head.hash() != null
                                ? head
                                : new StreamHead(
                                        head.aggregate(),
                                        head.sequence(),
                                        EventTable.link(connection, head.aggregate(), head.sequence())));
            }
            return linked;
        }));
    }

    /** Every row, stream after stream, each stream in sequence order. */
    void streams(Rows rows) {
        scan(
                "SELECT " + StoredEvent.COLUMNS
                        + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number",
                rows);
    }

    /** The rows up to {@code upTo} in the order they were stored; only one aggregate's when it is not null. */
    void log(String aggregate, long upTo, Rows rows) {
        scan(
                "SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry WHERE global_index <= ?"
                        + (aggregate == null ? "" : " AND aggregate_identifier = ?") + " ORDER BY global_index",
                rows,
                aggregate == null ? new Object[] {upTo} : new Object[] {upTo, aggregate});
    }

    /** Whether an event of another stream than {@code except} was stored after {@code after}, up to {@code upTo}. */
    boolean anyEventBetween(long after, long upTo, String except) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index > ? AND global_index <= ?"
                        + " AND aggregate_identifier <> ?)",
                Boolean.class,
                after,
                upTo,
                except));
    }

    long count() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private void scan(String sql, Rows rows, Object... parameters) {
        readOnly.executeWithoutResult(status -> jdbc.execute((ConnectionCallback<Object>) connection -> {
            try (Statement plan = connection.createStatement()) {
                // the rows in index order as they are read, not after sorting the whole table: the first
                // arrive at once (and the progress with them), and memory stays flat however large the store
                plan.execute("SET LOCAL enable_sort = off");
            }
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.accept(StoredEvent.read(result));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ScanEndedException(e);
            }
            return null;
        }));
    }

    /** A scan's receiver failed (the client went away, say): the scan ends with its cause. */
    static final class ScanEndedException extends RuntimeException {
        ScanEndedException(Exception cause) {
            super(cause);
        }
    }
}
