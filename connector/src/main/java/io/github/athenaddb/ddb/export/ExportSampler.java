package io.github.athenaddb.ddb.export;

import io.github.athenaddb.ddb.exec.ExportFileReader;
import io.github.athenaddb.ddb.exec.RowBudget;
import io.github.athenaddb.ddb.table.EntityFilter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A sample of an export's items, to infer an export table's columns from the export itself: S3
 * reads, no read capacity of the live table (whose columns may also have changed since). DynamoDB
 * writes one data file per part of the table's key space, so, as the live sample spreads over Scan
 * segments, this one starts at {@value #SPREAD} files spread over the manifest's list, each
 * contributing its share (read on into the next files while short, as an empty partition's file
 * holds nothing).
 */
public final class ExportSampler
{
    static final int SPREAD = 4;
    /** For an entity view: items read per item wanted before a share stops, so a rare entity costs a bounded sample. */
    static final int ENTITY_READ_FACTOR = 20;

    private final ExportManifests manifests;
    private final ExportFileReader files;
    private final int sampleSize;

    public ExportSampler(ExportManifests manifests, ExportFileReader files, int sampleSize)
    {
        this.manifests = requireNonNull(manifests, "manifests is null");
        this.files = requireNonNull(files, "files is null");
        this.sampleSize = sampleSize;
    }

    /** Up to the sample size of the export's items (of the entity's only, for a view), without export_time. */
    public List<Map<String, AttributeValue>> sample(ExportManifest export, Optional<EntityFilter> entity, String exportTable)
    {
        List<String> keys = manifests.dataFiles(export, exportTable);
        int spread = Math.max(1, Math.min(SPREAD, Math.min(keys.size(), sampleSize)));
        int share = (sampleSize + spread - 1) / spread;
        List<Map<String, AttributeValue>> sample = new ArrayList<>();
        for (int part = 0; part < spread; part++) {
            sample.addAll(share(export, keys.subList(part * keys.size() / spread, (part + 1) * keys.size() / spread), entity, share));
        }
        return sample;
    }

    private List<Map<String, AttributeValue>> share(ExportManifest export, List<String> keys, Optional<EntityFilter> entity, int share)
    {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        long maxRead = entity.isPresent() ? (long) share * ENTITY_READ_FACTOR : share;
        long[] read = {0};
        for (String key : keys) {
            if (items.size() >= share || read[0] >= maxRead) {
                break;
            }
            // The reader hands over pages of items and asks after each whether to go on.
            files.read(export.location().bucket(), key, export.exportTime(), () -> items.size() < share && read[0] < maxRead,
                    RowBudget.unlimited(), page -> {
                        for (Map<String, AttributeValue> item : page) {
                            read[0]++;
                            item.remove(ExportFileReader.EXPORT_TIME);
                            if (items.size() < share && entity.map(e -> e.matches(item)).orElse(true)) {
                                items.add(item);
                            }
                        }
                    });
        }
        return items;
    }
}
