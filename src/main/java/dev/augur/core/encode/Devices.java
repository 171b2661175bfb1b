package dev.augur.core.encode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

import java.util.EnumSet;

/** Decides CPU or CUDA for ONNX Runtime, with the reason, by asking the loaded runtime rather than guessing. */
public final class Devices {
    private Devices() {
    }

    /** @throws EncoderException when {@code gpu} was asked for and cannot be had, saying why */
    public static DeviceSelection select(DeviceChoice choice) {
        if (choice == DeviceChoice.CPU) {
            return new DeviceSelection(false, -1, "cpu requested");
        }
        EnumSet<OrtProvider> providers;
        try {
            providers = OrtEnvironment.getAvailableProviders();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new EncoderException("ONNX Runtime could not be loaded on this machine: " + e.getMessage(), e);
        }
        if (!providers.contains(OrtProvider.CUDA)) {
            String why = "this ONNX Runtime build has no CUDA provider (providers: " + providers
                    + "); build with mvn -Pgpu package for onnxruntime_gpu (needs CUDA 12 and cuDNN 9)";
            if (choice == DeviceChoice.GPU) {
                throw new EncoderException("--device gpu: " + why);
            }
            return new DeviceSelection(false, -1, "auto → cpu: " + why);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.addCUDA(0); // loads the CUDA provider library and its CUDA/cuDNN dependencies
            return new DeviceSelection(true, 0, (choice == DeviceChoice.AUTO ? "auto → gpu: " : "gpu requested: ")
                    + "CUDA provider loaded for GPU 0");
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            String why = "the CUDA provider is built in but did not load (" + e.getMessage()
                    + "); CUDA 12 and cuDNN 9 must be installed";
            if (choice == DeviceChoice.GPU) {
                throw new EncoderException("--device gpu: " + why, e);
            }
            return new DeviceSelection(false, -1, "auto → cpu: " + why);
        }
    }
}
