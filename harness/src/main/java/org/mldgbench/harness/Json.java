package org.mldgbench.harness;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON configuration used for specs and records: stable field order, no HTML escaping. */
final class Json {

    static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();
    static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .setPrettyPrinting().create();

    private Json() {}
}
