package dev.augur.ui;

import dev.augur.app.AppPaths;
import dev.augur.app.AppServices;
import dev.augur.ui.shell.ShellView;
import dev.augur.ui.shell.ShellViewModel;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app: opens the sample workspace (built on first start) in the main window. */
public final class AugurApp extends Application {
    private AppServices services;

    public static void launchApp(String[] args) {
        Application.launch(AugurApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        services = new AppServices();
        ShellViewModel vm = new ShellViewModel(services, AppPaths.sampleWorkspace());
        ShellView view = new ShellView(vm);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(new Scene(view.root(), 1100, 700));
        stage.show();
        vm.open();
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
    }
}
