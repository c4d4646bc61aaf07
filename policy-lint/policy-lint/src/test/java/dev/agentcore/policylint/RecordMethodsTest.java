package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.agentcore.policylint.rule.Finding;
import dev.agentcore.policylint.rule.Severity;
import dev.agentcore.policylint.source.Position;
import dev.agentcore.policylint.source.Region;
import dev.agentcore.policylint.source.SourceFile;

/**
 * Finding, Finding.Related, Region and Position write equals, hashCode (and Region toString) by hand, to spare the
 * start-up cost of the generated ones: they must mean what the generated ones mean. Each is compared with a plain
 * record of the same components, whose methods the compiler generates.
 */
class RecordMethodsTest {

    record PositionShape(int line, int column) {
    }

    record RegionShape(SourceFile file, Position start, Position end) {
    }

    record RelatedShape(String ruleId, Region region, String message, String fix) {
    }

    record FindingShape(String ruleId, Severity severity, Region region, String message, String fix, String resource,
            List<Finding.Related> related) {
    }

    private final SourceFile a = new SourceFile(Path.of("a.yaml"), "a.yaml", "x: 1\n");
    private final SourceFile b = new SourceFile(Path.of("b.yaml"), "b.yaml", "x: 1\n");

    @Test
    void positionsAndRegionsAreEqualWhenTheirRecordsWouldBe() {
        List<Position> positions = List.of(new Position(1, 1), new Position(1, 1), new Position(1, 2), new Position(2, 1));
        for (Position p : positions) {
            for (Position q : positions) {
                assertThat(p.equals(q)).isEqualTo(shape(p).equals(shape(q)));
                if (p.equals(q)) {
                    assertThat(p.hashCode()).isEqualTo(q.hashCode());
                }
            }
        }
        List<Region> regions = new ArrayList<>();
        for (SourceFile f : List.of(a, b)) {
            for (Position s : List.of(new Position(1, 1), new Position(2, 3))) {
                for (Position e : List.of(new Position(1, 2), new Position(2, 4))) {
                    regions.add(new Region(f, s, e));
                    regions.add(new Region(f, new Position(s.line(), s.column()), new Position(e.line(), e.column())));
                }
            }
        }
        for (Region r : regions) {
            assertThat(r.toString()).isEqualTo(shape(r).toString().replace("RegionShape[", "Region["));
            assertThat(r.equals(null)).isFalse();
            for (Region s : regions) {
                assertThat(r.equals(s)).as(r + " vs " + s).isEqualTo(shape(r).equals(shape(s)));
                if (r.equals(s)) {
                    assertThat(r.hashCode()).isEqualTo(s.hashCode());
                }
            }
        }
    }

    @Test
    void findingsAreEqualWhenTheirRecordsWouldBe() {
        Region here = new Region(a, new Position(1, 1), new Position(1, 2));
        Region there = new Region(b, new Position(1, 1), new Position(1, 2));
        Finding.Related related = new Finding.Related("PL110", here, "m", "f");
        List<Finding> findings = new ArrayList<>();
        for (String rule : List.of("PL100", "PL110")) {
            for (Severity severity : List.of(Severity.ERROR, Severity.WARNING)) {
                for (Region region : List.of(here, there)) {
                    for (String fix : new String[] {"fix", null}) {
                        for (List<Finding.Related> rel : List.of(List.<Finding.Related>of(), List.of(related))) {
                            findings.add(new Finding(rule, severity, region, "message", fix, "Role", rel));
                            findings.add(new Finding(rule, severity, new Region(region.file(), region.start(), region.end()),
                                    "message", fix, "Role", new ArrayList<>(rel)));
                        }
                    }
                }
            }
        }
        findings.add(new Finding("PL100", Severity.ERROR, here, "other message", "fix", "Role", List.of()));
        findings.add(new Finding("PL100", Severity.ERROR, here, "message", "fix", null, List.of()));
        for (Finding f : findings) {
            assertThat(f.equals("PL100")).isFalse();
            for (Finding g : findings) {
                assertThat(f.equals(g)).as(f + " vs " + g).isEqualTo(shape(f).equals(shape(g)));
                if (f.equals(g)) {
                    assertThat(f.hashCode()).isEqualTo(g.hashCode());
                }
            }
        }
        List<Finding.Related> relateds = List.of(related, new Finding.Related("PL110", here, "m", "f"),
                new Finding.Related("PL110", there, "m", "f"), new Finding.Related("PL111", here, "m", null),
                new Finding.Related("PL110", here, "n", "f"));
        for (Finding.Related r : relateds) {
            for (Finding.Related s : relateds) {
                assertThat(r.equals(s)).isEqualTo(new RelatedShape(r.ruleId(), r.region(), r.message(), r.fix())
                        .equals(new RelatedShape(s.ruleId(), s.region(), s.message(), s.fix())));
            }
        }
    }

    private static PositionShape shape(Position p) {
        return new PositionShape(p.line(), p.column());
    }

    private static RegionShape shape(Region r) {
        return new RegionShape(r.file(), r.start(), r.end());
    }

    private static FindingShape shape(Finding f) {
        return new FindingShape(f.ruleId(), f.severity(), f.region(), f.message(), f.fix(), f.resource(), f.related());
    }
}
