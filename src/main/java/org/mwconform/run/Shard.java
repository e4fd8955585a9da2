package org.mwconform.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --shard I/N}: this job's part of the matrix. The cells (deployment, scenario), deployments by name and
 * scenarios in file and line order, are dealt out in turn, so every shard gets a share of every deployment and of
 * the slow scenarios; the N shards together cover each cell exactly once. {@code mwconform merge} joins them.
 */
public record Shard(int index, int count) {

    public static Shard parse(String value) {
        if (value == null) {
            return null;
        }
        if (value.matches("\\d{1,3}/\\d{1,3}")) {
            int i = Integer.parseInt(value.substring(0, value.indexOf('/')));
            int n = Integer.parseInt(value.substring(value.indexOf('/') + 1));
            if (n >= 1 && i >= 1 && i <= n) {
                return new Shard(i, n);
            }
        }
        throw new UsageException("--shard takes I/N with 1 <= I <= N (e.g. 2/3), got '" + value + "'");
    }

    /** For each deployment (in the order given), the scenarios of this shard; deployments with none are left out. */
    public <T> Map<String, List<T>> deal(List<String> deployments, List<T> scenarios) {
        List<String> byName = deployments.stream().sorted().toList();
        Map<String, List<T>> mine = new LinkedHashMap<>();
        for (String d : deployments) {
            int di = byName.indexOf(d);
            List<T> picked = new ArrayList<>();
            for (int si = 0; si < scenarios.size(); si++) {
                if ((di * scenarios.size() + si) % count == index - 1) {
                    picked.add(scenarios.get(si));
                }
            }
            if (!picked.isEmpty()) {
                mine.put(d, picked);
            }
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
