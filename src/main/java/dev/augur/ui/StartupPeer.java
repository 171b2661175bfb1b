package dev.augur.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The peer of {@code bench startup}: the smallest JavaFX window (one label), started the same way, so the
 * benchmark shows what Augur adds to the platform's own start-up.
 */
public final class StartupPeer {
    private StartupPeer() {
    }

    public static void main(String[] args) {
        Application.launch(PeerApp.class, args);
    }

    /** The window itself. */
    public static final class PeerApp extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("peer"), 400, 300));
            StartupProbe.install(stage, () -> true);
            stage.show();
        }
    }
}
