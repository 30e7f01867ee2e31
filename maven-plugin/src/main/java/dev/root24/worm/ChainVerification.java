package dev.root24.worm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of verifying a store: the outcome, every problem found (not just the first), what was
 * checked, and what this kind of store cannot prove.
 *
 * @param format   {@code native} or {@code legacy}
 * @param store    the store directory as given
 * @param entries  how many entry files were examined
 * @param signed   how many entries carried signatures that verified against trusted keys
 * @param problems every problem, in entry order
 * @param notes    facts worth knowing that are not problems (e.g. a checkpoint that lags one append)
 * @param limits   what this verification cannot establish, stated so nobody assumes it did
 */
public record ChainVerification(String format, String store, long entries, long signed, List<ChainProblem> problems,
        List<String> notes, List<String> limits) {

    public ChainVerification {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        limits = List.copyOf(limits);
    }

    /** FAIL if any problem fails; WARN if any warns; else OK. */
    public Outcome outcome() {
        Outcome worst = Outcome.OK;
        for (ChainProblem p : problems) {
            worst = worst.worst(p.severity());
        }
        return worst;
    }

    /** Problems of one severity. */
    public List<ChainProblem> problems(Outcome severity) {
        List<ChainProblem> out = new ArrayList<>();
        for (ChainProblem p : problems) {
            if (p.severity() == severity) {
                out.add(p);
            }
        }
        return out;
    }

    /** {@code chain-verification.json}: stable key order, pretty-printed, UTF-8. */
    public byte[] toJson() {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", format);
        root.put("store", store);
        root.put("outcome", outcome().name());
        root.put("entries", entries);
        root.put("signedEntries", signed);
        ArrayNode list = root.putArray("problems");
        for (ChainProblem p : problems) {
            ObjectNode o = list.addObject();
            o.put("severity", p.severity().name());
            if (p.index() != null) {
                o.put("index", p.index());
            } else {
                o.putNull("index");
            }
            o.put("file", p.file());
            o.put("message", p.message());
        }
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        ArrayNode l = root.putArray("limits");
        limits.forEach(l::add);
        return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
