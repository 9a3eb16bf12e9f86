package io.github.assistantsplatform.localstack.servers;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * A secondary (non-unique, compound) index for the MongoDB-compatible server, which otherwise ignores
 * such indexes and scans and sorts the whole collection for every query. Kept in memory and built from
 * the stored documents when the server opens the collection. It serves a query the way MongoDB's planner
 * serves one from a compound index without a SORT stage: equality on the first keys, the order on the
 * keys that follow, all ascending.
 */
final class OrderedIndex extends Index<Object> {

    private static final Comparator<Object> VALUES = ValueComparator.asc();

    /** One indexed document: its key's values, where it is stored, and its {@code _id}. */
    private record Entry(List<Object> values, Object position, Object id, boolean probe) {}

    /** Entries by values, then position; a probe (a prefix of values) sorts before every entry it prefixes. */
    private static final Comparator<Entry> ORDER = (a, b) -> {
        int common = Math.min(a.values().size(), b.values().size());
        for (int i = 0; i < common; i++) {
            int c = VALUES.compare(a.values().get(i), b.values().get(i));
            if (c != 0) {
                return c;
            }
        }
        if (a.probe() || b.probe()) {
            return a.probe() == b.probe() ? 0 : a.probe() ? -1 : 1;
        }
        return VALUES.compare(a.position(), b.position());
    };

    private final ConcurrentSkipListSet<Entry> entries = new ConcurrentSkipListSet<>(ORDER);
    /** Counts by the values a filter fixes, until the next write: a count walks every entry it counts. */
    private final Map<List<Object>, Long> counts = new ConcurrentHashMap<>();
    /** Set once a document holds an array under a key: MongoDB's order over such a key is not this one's. */
    private volatile boolean multikey;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    /**
     * The {@code _id}s of the documents a find with {@code filter} and {@code sort} answers, in order,
     * after {@code skip} and at most {@code limit} (0: all); empty when this index cannot serve it.
     */
    Optional<List<Object>> ids(Document filter, Document sort, int skip, int limit) {
        return matching(filter, sort).map(stream -> {
            Stream<Entry> page = stream.skip(skip);
            return (limit > 0 ? page.limit(limit) : page).map(Entry::id).toList();
        });
    }

    /** How many documents match {@code filter}; empty when this index cannot serve it. */
    Optional<Long> count(Document filter) {
        Optional<List<Object>> prefix = equalityPrefix(filter);
        if (multikey || prefix.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(counts.computeIfAbsent(
                prefix.get(), values -> matching(filter, null).orElseThrow().count()));
    }

    /** The entries matching {@code filter}, in the order {@code sort} asks, if this index gives that order. */
    private Optional<Stream<Entry>> matching(Document filter, Document sort) {
        Optional<List<Object>> prefix = equalityPrefix(filter);
        if (multikey || prefix.isEmpty() || !ordersBy(prefix.get().size(), sort)) {
            return Optional.empty();
        }
        List<Object> values = prefix.get();
        return Optional.of(entries.tailSet(new Entry(values, null, null, true)).stream()
                .takeWhile(entry -> startsWith(entry, values)));
    }

    private static boolean startsWith(Entry entry, List<Object> prefix) {
        for (int i = 0; i < prefix.size(); i++) {
            if (VALUES.compare(entry.values().get(i), prefix.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The values a filter fixes for this index's first keys, when it fixes exactly those by plain equality
     * (one document or an {@code $and} of them).
     */
    private Optional<List<Object>> equalityPrefix(Document filter) {
        Document equalities = new Document();
        if (!collectEqualities(filter, equalities)) {
            return Optional.empty();
        }
        List<String> keys = keys();
        if (equalities.size() > keys.size()
                || !Set.copyOf(keys.subList(0, equalities.size())).equals(equalities.keySet())) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        for (String key : keys.subList(0, equalities.size())) {
            values.add(equalities.get(key));
        }
        return Optional.of(values);
    }

    private static boolean collectEqualities(Document filter, Document into) {
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            if (condition.getKey().equals("$and") && condition.getValue() instanceof List<?> all) {
                for (Object each : all) {
                    if (!(each instanceof Document part) || !collectEqualities(part, into)) {
                        return false;
                    }
                }
            } else if (condition.getKey().startsWith("$")
                    || condition.getValue() == null
                    || condition.getValue() instanceof Document
                    || condition.getValue() instanceof List
                    || into.containsKey(condition.getKey())) {
                return false;
            } else {
                into.put(condition.getKey(), condition.getValue());
            }
        }
        return true;
    }

    /** Whether, after {@code fixed} keys, this index's order is {@code sort}'s (no sort asked: any order). */
    private boolean ordersBy(int fixed, Document sort) {
        if (sort == null || sort.isEmpty()) {
            return true;
        }
        List<IndexKey> rest = getKeys().subList(fixed, getKeys().size());
        if (sort.size() > rest.size()) {
            return false;
        }
        int i = 0;
        for (Map.Entry<String, Object> order : sort.entrySet()) {
            IndexKey key = rest.get(i++);
            if (!key.getKey().equals(order.getKey())
                    || !key.isAscending()
                    || !(order.getValue() instanceof Number direction)
                    || direction.intValue() != 1) {
                return false;
            }
        }
        return true;
    }

    private List<Entry> entriesOf(Document document, Object position) {
        Set<KeyValue> keyValues = getKeyValues(document);
        if (keyValues.size() > 1) {
            multikey = true;
        }
        List<Entry> of = new ArrayList<>(keyValues.size());
        for (KeyValue keyValue : keyValues) {
            List<Object> values = new ArrayList<>(keyValue.size());
            keyValue.forEach(values::add);
            of.add(new Entry(values, position, document.get("_id"), false));
        }
        return of;
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: every document may be added
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        entries.addAll(entriesOf(document, position));
        counts.clear();
    }

    @Override
    public Object remove(Document document) {
        Object position = null;
        for (Entry probe : entriesOf(document, null)) {
            Entry found = entries.tailSet(new Entry(probe.values(), null, null, true)).stream()
                    .takeWhile(entry -> startsWith(entry, probe.values()))
                    .filter(entry -> VALUES.compare(entry.id(), probe.id()) == 0)
                    .findFirst()
                    .orElse(null);
            if (found != null) {
                entries.remove(found);
                counts.clear();
                position = found.position();
            }
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        // the server's own query path would still sort in memory; finds and counts it can serve come
        // through ids() and count() instead
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("served through ids()");
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: every update may be made
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        entries.clear();
        counts.clear();
    }
}
