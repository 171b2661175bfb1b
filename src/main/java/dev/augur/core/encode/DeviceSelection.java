package dev.augur.core.encode;

/** The device an encoder runs on and why it was chosen (logged, shown in the UI and in {@code encode --json}). */
public record DeviceSelection(boolean gpu, int gpuId, String reason) {
    public String device() {
        return gpu ? "gpu:" + gpuId : "cpu";
    }
}
