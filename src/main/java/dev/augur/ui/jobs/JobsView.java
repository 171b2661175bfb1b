package dev.augur.ui.jobs;

import dev.augur.core.task.JobSnapshot;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The Jobs section: every background job with progress, state, duration, cancel and error detail. */
public final class JobsView {
    private final VBox root;

    public JobsView(JobsViewModel vm) {
        Label heading = new Label("Jobs");
        heading.getStyleClass().add("title-2");
        Label sub = new Label("Every background job of this session: imports now; encoding, augmentation and evaluation later.");
        sub.getStyleClass().add("text-muted");

        TableView<JobSnapshot> table = new TableView<>(vm.rows());
        table.setId("jobs-table");
        TableColumn<JobSnapshot, String> name = new TableColumn<>("Job");
        name.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().name()));
        TableColumn<JobSnapshot, Number> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().fraction()));
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                bar.setProgress(v == null ? 0 : v.doubleValue());
                setGraphic(empty ? null : bar);
            }
        });
        TableColumn<JobSnapshot, String> state = new TableColumn<>("State");
        state.setCellValueFactory(d -> new ReadOnlyStringWrapper(JobsViewModel.describe(d.getValue())));
        TableColumn<JobSnapshot, String> took = new TableColumn<>("Duration");
        took.setCellValueFactory(d -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%.1f s",
                d.getValue().elapsed().toMillis() / 1000.0)));
        TableColumn<JobSnapshot, JobSnapshot> cancel = new TableColumn<>("");
        cancel.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        cancel.setCellFactory(c -> new TableCell<>() {
            private final Button b = new Button("Cancel");

            @Override
            protected void updateItem(JobSnapshot s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null || s.state().isFinished()) {
                    setGraphic(null);
                } else {
                    b.setOnAction(e -> vm.cancel(s.id()));
                    setGraphic(b);
                }
            }
        });
        table.getColumns().addAll(java.util.List.of(name, progress, state, took, cancel));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No background jobs yet."));
        root = new VBox(8, heading, sub, table);
        root.setPadding(new Insets(16, 20, 12, 20));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    }

    public Parent root() {
        return root;
    }
}
