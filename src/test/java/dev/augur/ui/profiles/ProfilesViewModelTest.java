package dev.augur.ui.profiles;

import dev.augur.core.store.DatasetInfo;
import dev.augur.core.store.Generation;
import dev.augur.core.store.Workspace;
import dev.augur.core.task.TaskExecutor;
import dev.augur.ui.UiFixtures;
import dev.augur.ui.common.ItemSelection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.augur.ui.UiFixtures.fx;
import static dev.augur.ui.UiFixtures.waitFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The Profiles section without a stage, over a real workspace with stored generations. */
class ProfilesViewModelTest {
    @TempDir
    Path dir;

    private final TaskExecutor tasks = new TaskExecutor(2);
    private final ItemSelection selection = new ItemSelection();
    private final AtomicInteger mapShown = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        UiFixtures.startFx();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    /** The shop with: k1 ok (v1) then ok (v2), k2 failed, g1 ok; user u1 ok. */
    private Path workspace(boolean withGenerations) {
        Path file = UiFixtures.shopWorkspace(dir.resolve("shop.augur"));
        if (withGenerations) {
            try (Workspace ws = Workspace.open(file)) {
                long ds = ws.read().datasetId(UiFixtures.DATASET).orElseThrow();
                long k1 = ws.read().entityId(ds, "item", "k1").orElseThrow();
                long k2 = ws.read().entityId(ds, "item", "k2").orElseThrow();
                long g1 = ws.read().entityId(ds, "item", "g1").orElseThrow();
                long u1 = ws.read().entityId(ds, "user", "u1").orElseThrow();
                ws.generations().put(List.of(
                        gen(ds, "item", k1, "{\"summary\":\"a copper kettle that whistles\"}", Generation.OK, ""),
                        gen(ds, "item", k1, "{\"summary\":\"a loud copper kettle for tea\"}", Generation.OK, ""),
                        gen(ds, "item", k2, "", Generation.FAILED, "not JSON"),
                        gen(ds, "item", g1, "{\"summary\":\"trail shoes\"}", Generation.OK, ""),
                        gen(ds, "user", u1, "{\"likes\":[\"tea\"]}", Generation.OK, "")));
            }
        }
        return file;
    }

    private static Generation gen(long ds, String kind, long id, String json, String status, String error) {
        return Generation.llm(ds, kind, id, "kar-item-knowledge", 1, "key" + id + json.hashCode(), "bench",
                "{}", "abcdef0123456789", "{\"system\":\"\",\"user\":\"\"}", 120, 30, 20,
                json.isEmpty() ? "oops" : json, json, status, error);
    }

    private ProfilesViewModel open(Path file) throws Exception {
        List<DatasetInfo> datasets;
        try (Workspace ws = Workspace.open(file)) {
            datasets = ws.read().datasets();
        }
        ProfilesViewModel vm = fx(() -> new ProfilesViewModel(tasks, selection, mapShown::incrementAndGet));
        fx(() -> vm.open(file, datasets));
        idle(vm);
        return vm;
    }

    private static void idle(ProfilesViewModel vm) throws Exception {
        waitFx(30, () -> !vm.busy().get());
    }

    private static ProfilesViewModel.Row select(ProfilesViewModel vm, String entity, int nth) throws Exception {
        ProfilesViewModel.Row row = fx(() -> vm.rows().stream().filter(r -> r.entity().equals(entity)).skip(nth)
                .findFirst().orElseThrow());
        fx(() -> vm.select(row));
        idle(vm);
        return row;
    }

    @Test
    void listsTheGenerationsOfTheTargetAndFiltersByStatus() throws Exception {
        ProfilesViewModel vm = open(workspace(true));
        assertThat(vm.emptyProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(4).extracting(ProfilesViewModel.Row::entity).containsExactly("g1", "k2", "k1", "k1");
        assertThat(vm.pageLineProperty().get()).isEqualTo("1–4 of 4");
        assertThat(vm.filter().templates()).contains(ProfilesFilter.ALL, "kar-item-knowledge");

        fx(() -> vm.filter().statusProperty().set(Generation.FAILED));
        idle(vm);
        assertThat(vm.rows()).extracting(ProfilesViewModel.Row::entity).containsExactly("k2");
        select(vm, "k2", 0);
        assertThat(vm.detail().outputProperty().get()).contains("Failed: not JSON").contains("oops");

        fx(() -> vm.filter().statusProperty().set(ProfilesFilter.ALL));
        fx(() -> vm.filter().targetProperty().set("users"));
        idle(vm);
        assertThat(vm.rows()).extracting(ProfilesViewModel.Row::entity).containsExactly("u1");
        select(vm, "u1", 0);
        assertThat(vm.detail().sourceTitleProperty().get()).isEqualTo("User u1");
        // the shop has reviews but no observed interactions: an empty history, then the reviews
        assertThat(vm.detail().sourceTextProperty().get()).contains("History, oldest first (0)")
                .contains("5★ on Copper Tea Kettle").contains("4★ on Glass Teapot");
        assertThat(vm.detail().canShowOnMap().get()).isFalse();
        assertThat(fx(vm::showOnMap)).isFalse();
    }

    @Test
    void selectingAnItemShowsItsSourcePrettyJsonAndProvenance() throws Exception {
        ProfilesViewModel vm = open(workspace(true));
        select(vm, "g1", 0);
        assertThat(vm.detail().sourceTitleProperty().get()).contains("Trail Running Shoes").contains("g1");
        assertThat(vm.detail().sourceTextProperty().get()).contains("outdoor, running").contains("muddy mountain")
                .contains("Comfortable on long trail runs.");
        assertThat(vm.detail().outputProperty().get()).contains("\"summary\" : \"trail shoes\"").contains("\n");
        assertThat(vm.detail().provenanceLineProperty().get()).contains("bench").contains("kar-item-knowledge@1")
                .contains("prompt abcdef01").contains("120 ms").contains("30+20 tokens").contains("llm");
    }

    @Test
    void approveAndRejectPersistAtOnce() throws Exception {
        Path file = workspace(true);
        ProfilesViewModel vm = open(file);
        ProfilesViewModel.Row g1 = select(vm, "g1", 0);
        fx(() -> vm.approve());
        idle(vm);
        assertThat(vm.detail().selectedProperty().get().generation().reviewStatus()).isEqualTo("approved");
        ProfilesViewModel.Row k2 = select(vm, "k2", 0);
        fx(() -> vm.reject());
        idle(vm);
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.generations().get(g1.id()).orElseThrow().reviewStatus()).isEqualTo("approved");
            assertThat(ws.generations().get(k2.id()).orElseThrow().reviewStatus()).isEqualTo("rejected");
        }
        fx(() -> vm.filter().reviewStatusProperty().set("approved"));
        idle(vm);
        assertThat(vm.rows()).extracting(ProfilesViewModel.Row::entity).containsExactly("g1");
    }

    @Test
    void anEditIsANewVersionAndTheOriginalIsKept() throws Exception {
        Path file = workspace(true);
        ProfilesViewModel vm = open(file);
        ProfilesViewModel.Row g1 = select(vm, "g1", 0);
        fx(vm::startEdit);
        assertThat(vm.editor().editingProperty().get()).isTrue();
        assertThat(vm.editor().textProperty().get()).contains("trail shoes");
        fx(() -> vm.editor().textProperty().set("{\"summary\": \"grippy trail running shoes\"}"));
        assertThat(fx(() -> vm.saveEdit().isPresent())).isTrue();
        idle(vm);
        assertThat(vm.editor().editingProperty().get()).isFalse();
        Generation edit = vm.detail().selectedProperty().get().generation();
        assertThat(edit.id()).isNotEqualTo(g1.id());
        assertThat(edit.provenance()).isEqualTo("edit");
        assertThat(edit.parentId()).isEqualTo(g1.id());
        assertThat(edit.author()).isEqualTo(System.getProperty("user.name"));
        assertThat(vm.detail().provenanceLineProperty().get()).contains("edited by");
        assertThat(vm.compare().history()).extracting(Generation::id).containsExactly(g1.id());
        try (Workspace ws = Workspace.open(file)) {
            Generation original = ws.generations().get(g1.id()).orElseThrow();
            assertThat(original.parsedJson()).contains("trail shoes").doesNotContain("grippy");
            assertThat(ws.generations().get(edit.id()).orElseThrow().parsedJson())
                    .isEqualTo("{\"summary\":\"grippy trail running shoes\"}");
        }
        assertThat(vm.rows()).filteredOn(r -> r.entity().equals("g1")).hasSize(2);
    }

    @Test
    void invalidJsonIsRejectedAndNothingIsSaved() throws Exception {
        Path file = workspace(true);
        ProfilesViewModel vm = open(file);
        select(vm, "g1", 0);
        fx(vm::startEdit);
        for (String bad : List.of("{\"summary\": \"unclosed\"", "not json", "", "{} trailing")) {
            fx(() -> vm.editor().textProperty().set(bad));
            assertThat(fx(() -> vm.saveEdit().isPresent())).as(bad).isFalse();
            assertThat(vm.editor().errorProperty().get()).as(bad).startsWith("Not valid JSON");
            assertThat(vm.editor().editingProperty().get()).isTrue();
        }
        idle(vm);
        try (Workspace ws = Workspace.open(file)) {
            assertThat(ws.generations().counts(dev.augur.core.store.GenerationFilter.all()).edits()).isZero();
        }
    }

    @Test
    void comparingTwoGenerationsMarksAddedAndRemovedWords() throws Exception {
        ProfilesViewModel vm = open(workspace(true));
        ProfilesViewModel.Row newer = select(vm, "k1", 0); // newest first
        assertThat(vm.compare().history()).hasSize(1);
        fx(() -> vm.compare().compareWithProperty().set(vm.compare().history().get(0)));
        assertThat(vm.compare().diffLabelProperty().get()).startsWith("#" + vm.compare().history().get(0).id())
                .endsWith("#" + newer.id() + " (llm)");
        assertThat(vm.compare().diffLeft()).filteredOn(t -> t.kind() == WordDiff.Kind.REMOVED).extracting(WordDiff.Token::text)
                .containsExactly("that", "whistles\"");
        assertThat(vm.compare().diffRight()).filteredOn(t -> t.kind() == WordDiff.Kind.ADDED).extracting(WordDiff.Token::text)
                .containsExactly("loud", "for", "tea\"");
        assertThat(vm.compare().diffRight()).filteredOn(t -> t.kind() == WordDiff.Kind.SAME).extracting(WordDiff.Token::text)
                .contains("copper", "kettle");
    }

    @Test
    void wordDiffIsALongestCommonSubsequence() {
        WordDiff.Result d = WordDiff.diff("the quick brown fox", "the slow brown fox jumps");
        assertThat(d.left()).extracting(WordDiff.Token::kind).containsExactly(WordDiff.Kind.SAME, WordDiff.Kind.REMOVED,
                WordDiff.Kind.SAME, WordDiff.Kind.SAME);
        assertThat(d.right()).extracting(WordDiff.Token::kind).containsExactly(WordDiff.Kind.SAME, WordDiff.Kind.ADDED,
                WordDiff.Kind.SAME, WordDiff.Kind.SAME, WordDiff.Kind.ADDED);
        assertThat(WordDiff.diff("", "").left()).isEmpty();
    }

    @Test
    void showOnMapSelectsTheItemAndSwitchesToTheMap() throws Exception {
        Path file = workspace(true);
        ProfilesViewModel vm = open(file);
        ProfilesViewModel.Row g1 = select(vm, "g1", 0);
        assertThat(vm.detail().canShowOnMap().get()).isTrue();
        assertThat(fx(vm::showOnMap)).isTrue();
        assertThat(mapShown.get()).isEqualTo(1);
        assertThat(selection.datasetProperty().get()).isEqualTo(UiFixtures.DATASET);
        assertThat(selection.ids()).containsExactly(g1.generation().entityId());
    }

    @Test
    void aWorkspaceWithoutGenerationsSaysHowToMakeThem() throws Exception {
        ProfilesViewModel vm = open(workspace(false));
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(ProfilesViewModel.howToMake()).contains("augur augment").contains("Ollama");
        assertThat(fx(vm::showOnMap)).isFalse();
        assertThat(fx(() -> vm.approve().isPresent())).isFalse();
    }
}
