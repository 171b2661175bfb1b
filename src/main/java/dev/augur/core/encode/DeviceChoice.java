package dev.augur.core.encode;

import java.util.Locale;

/** What the analyst asked for: {@code auto} takes CUDA when the GPU build of ONNX Runtime finds a GPU. */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public static DeviceChoice parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + s + "'; use auto, cpu or gpu");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
