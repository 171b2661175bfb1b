package dev.augur.ui;

import dev.augur.app.AppServices;
import dev.augur.app.Settings;
import dev.augur.app.SettingsStore;
import dev.augur.ui.shell.MainView;
import dev.augur.ui.shell.MainViewModel;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app: the main window on the last workspace, or on the sample workspace (built on first start). */
public final class AugurApp extends Application {
    private AppServices services;
    private MainViewModel vm;

    public static void launchApp(String[] args) {
        Application.launch(AugurApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        services = new AppServices();
        vm = new MainViewModel(services, SettingsStore.standard());
        applyTheme(vm.darkProperty().get());
        vm.darkProperty().addListener((o, was, is) -> applyTheme(is));
        MainView view = new MainView(vm);
        Settings s = vm.settings();
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(new Scene(view.root(), s.windowWidth, s.windowHeight));
        if (!Double.isNaN(s.windowX) && !Double.isNaN(s.windowY)) {
            stage.setX(s.windowX);
            stage.setY(s.windowY);
        }
        stage.setMaximized(s.maximized);
        stage.setOnHiding(e -> vm.saveWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized()));
        StartupProbe.install(stage, () -> !vm.datasets().busyProperty().get() && !vm.datasets().datasets().isEmpty());
        stage.show();
        vm.start();
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.jobs().stop();
            vm.review().close(); // the decision writer's workspace (every decision is already committed)
        }
        if (services != null) {
            services.close();
        }
    }
}
