package se.styrning.followup.report;

import java.text.Normalizer;
import java.util.Locale;

/** A downloaded report's file name: ASCII only, safe in any header and file system. */
public final class FileNames {

    private FileNames() {
    }

    /** avvikelser-verksamhetsplan-2017-regionstyrelsens-ataganden-2017-11.csv, the title shortened to 80 characters. */
    public static String of(String kind, String title, String period, String extension) {
        String slug = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        slug = slug.substring(0, Math.min(slug.length(), 80)).replaceAll("^-+|-+$", "");
        return kind + "-" + (slug.isEmpty() ? "" : slug + "-") + period + "." + extension;
    }
}
