package org.mldgbench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one model-selection method on one dataset's runs: for every algorithm, held-out
 * domain and seed, the held-out accuracy of the selected checkpoint of the selected
 * hyper-parameter trial. Leaderboards and verdicts are both computed from this, so they always
 * agree.
 *
 * <p>Runs that also hold out a validation domain (leave-one-source-domain-out) only inform that
 * selection method; they are not counted as runs. Diverged runs are counted, never scored.
 */
record SelectedResults(
        String dataset,
        ModelSelection selection,
        List<String> domains,
        List<String> algorithms,
        Map<String, Map<String, Map<Integer, Double>>> heldOut,
        Map<String, Integer> runs,
        Map<String, Integer> diverged) {

    static SelectedResults compute(String dataset, List<String> algorithmOrder,
                                   List<RunRecords.FinishedRun> allRuns, ModelSelection selection) {
        var runs = allRuns.stream().filter(r -> r.spec().spec().dataset().equals(dataset)).toList();
        var main = runs.stream().filter(r -> r.spec().spec().validationDomain().isEmpty()).toList();
        var extra = runs.stream().filter(r -> !r.spec().spec().validationDomain().isEmpty()).toList();
        List<String> domainOrder = main.isEmpty() ? List.of() : main.get(0).spec().spec().datasetDomains();
        List<String> domains = domainOrder.stream()
                .filter(d -> main.stream().anyMatch(r -> r.spec().spec().testDomain().equals(d))).toList();
        var algorithms = new ArrayList<String>();
        var heldOut = new LinkedHashMap<String, Map<String, Map<Integer, Double>>>();
        var runCounts = new LinkedHashMap<String, Integer>();
        var divergedCounts = new LinkedHashMap<String, Integer>();
        for (String algorithm : algorithmOrder) {
            var mine = main.stream().filter(r -> r.spec().spec().algorithm().equals(algorithm)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            algorithms.add(algorithm);
            runCounts.put(algorithm, mine.size());
            divergedCounts.put(algorithm, (int) mine.stream().filter(r -> !r.ok()).count());
            var byDomain = new LinkedHashMap<String, Map<Integer, Double>>();
            for (String domain : domains) {
                byDomain.put(domain, selection.heldOutBySeed(
                        mine.stream().filter(r -> r.spec().spec().testDomain().equals(domain)).toList(),
                        extra.stream().filter(r -> r.spec().spec().algorithm().equals(algorithm)
                                && r.spec().spec().testDomain().equals(domain)).toList()));
            }
            heldOut.put(algorithm, byDomain);
        }
        return new SelectedResults(dataset, selection, domains, algorithms, heldOut, runCounts, divergedCounts);
    }
}
