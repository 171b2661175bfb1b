package dev.augur.core.encode;

import java.util.Optional;

/**
 * One encoding job: which dataset (empty: the workspace's only or first), what text, which model, which device;
 * {@code template} applies to {@link EncodeTarget#ITEMS} (default {@link ItemTextTemplate#DEFAULT}).
 */
public record EncodeRequest(Optional<String> dataset, EncodeTarget target, String model, DeviceChoice device,
                            Optional<String> template) {

    public static EncodeRequest of(EncodeTarget target, String model) {
        return new EncodeRequest(Optional.empty(), target, model, DeviceChoice.AUTO, Optional.empty());
    }

    public EncodeRequest withDataset(String name) {
        return new EncodeRequest(Optional.of(name), target, model, device, template);
    }

    public EncodeRequest withDevice(DeviceChoice d) {
        return new EncodeRequest(dataset, target, model, d, template);
    }

    public EncodeRequest withTemplate(String t) {
        return new EncodeRequest(dataset, target, model, device, Optional.of(t));
    }
}
