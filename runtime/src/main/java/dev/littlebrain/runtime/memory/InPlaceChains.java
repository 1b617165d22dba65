package dev.littlebrain.runtime.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests tied together by in-place outputs: an output placed over its input, that input perhaps itself an
 * output placed over an earlier one, forms a chain of buffers at fixed distances, which a planner places as one
 * rigid block. Links a plan cannot honour are left out (the buffers are then planned apart, which is always valid):
 * a tensor that is not a request or is planned offline, an input read after the step that writes the output, a
 * second output over the same input, or a link that would make two other buffers of the chain share bytes while
 * both are alive.
 */
final class InPlaceChains {

    /**
     * One block: request indices (ascending), each member's offset from the block's start, and the block as one
     * request (its extent, from its first member's first use to its last member's last use) for ordering.
     */
    record Chain(int[] members, int[] relative, BufferRequest envelope) {
        int size() {
            return envelope.size();
        }
    }

    private final List<Chain> chains;
    private final List<InPlaceOutput> links;

    private InPlaceChains(List<Chain> chains, List<InPlaceOutput> links) {
        this.chains = chains;
        this.links = links;
    }

    /** Every request in exactly one chain (most alone), chains ordered by their first member's request index. */
    List<Chain> chains() {
        return chains;
    }

    /** The in-place outputs the chains honour. */
    List<InPlaceOutput> links() {
        return links;
    }

    static InPlaceChains of(List<BufferRequest> requests, List<InPlaceOutput> inPlace) {
        int n = requests.size();
        Map<Integer, Integer> requestOfTensor = new HashMap<>();
        for (int i = 0; i < n; i++) {
            requestOfTensor.putIfAbsent(requests.get(i).tensorIndex(), i);
        }
        int[] chainOf = new int[n];
        long[] relative = new long[n];
        for (int i = 0; i < n; i++) {
            chainOf[i] = i;
        }
        boolean[] placedOver = new boolean[n];
        boolean[] coveredBy = new boolean[n];
        List<InPlaceOutput> kept = new ArrayList<>();
        for (InPlaceOutput link : inPlace) {
            Integer out = requestOfTensor.get(link.outputTensor());
            Integer in = requestOfTensor.get(link.inputTensor());
            if (out == null || in == null || placedOver[out] || coveredBy[in] || chainOf[out] == chainOf[in]) {
                continue;
            }
            BufferRequest o = requests.get(out);
            BufferRequest i = requests.get(in);
            if (o.isOffline() || i.isOffline() || o.size() == 0 || i.size() == 0 || i.lastUse() != o.firstUse()) {
                continue;
            }
            // Move the output's chain so the output sits at its distance from the input; keep it if nothing clashes.
            long shift = relative[in] + link.offsetFromInput() - relative[out];
            int from = chainOf[out];
            int to = chainOf[in];
            if (!fitTogether(requests, chainOf, relative, from, to, shift, out, in)) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (chainOf[k] == from) {
                    chainOf[k] = to;
                    relative[k] += shift;
                }
            }
            placedOver[out] = true;
            coveredBy[in] = true;
            kept.add(link);
        }
        return new InPlaceChains(build(requests, chainOf, relative), List.copyOf(kept));
    }

    /** Whether chain {@code from} moved by {@code shift} joins chain {@code to} with no clash but the new link's. */
    private static boolean fitTogether(List<BufferRequest> requests, int[] chainOf, long[] relative, int from, int to,
            long shift, int out, int in) {
        for (int a = 0; a < requests.size(); a++) {
            if (chainOf[a] != from) {
                continue;
            }
            for (int b = 0; b < requests.size(); b++) {
                if (chainOf[b] != to || (a == out && b == in)) {
                    continue;
                }
                BufferRequest ra = requests.get(a);
                BufferRequest rb = requests.get(b);
                long startA = relative[a] + shift;
                boolean disjoint = startA + ra.size() <= relative[b] || relative[b] + rb.size() <= startA;
                if (ra.overlapsInTime(rb) && ra.size() > 0 && rb.size() > 0 && !disjoint) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Chain> build(List<BufferRequest> requests, int[] chainOf, long[] relative) {
        int n = requests.size();
        List<Chain> out = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (done[i]) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            long lowest = Long.MAX_VALUE;
            for (int k = i; k < n; k++) {
                if (chainOf[k] == chainOf[i]) {
                    members.add(k);
                    done[k] = true;
                    lowest = Math.min(lowest, relative[k]);
                }
            }
            int[] m = new int[members.size()];
            int[] rel = new int[m.length];
            long extent = 0;
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (int k = 0; k < m.length; k++) {
                m[k] = members.get(k);
                BufferRequest r = requests.get(m[k]);
                rel[k] = Math.toIntExact(relative[m[k]] - lowest);
                extent = Math.max(extent, (long) rel[k] + r.size());
                first = Math.min(first, r.firstUse());
                last = Math.max(last, r.lastUse());
            }
            BufferRequest lead = requests.get(m[0]);
            BufferRequest envelope = m.length == 1 ? lead
                    : new BufferRequest(lead.tensorIndex(), Math.toIntExact(extent), first, last, -1);
            out.add(new Chain(m, rel, envelope));
        }
        return out;
    }
}
