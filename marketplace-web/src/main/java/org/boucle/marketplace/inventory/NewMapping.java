package org.boucle.marketplace.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.boucle.marketplace.inventory.source.MappedField;

public record NewMapping(@NotBlank @Size(max = 100) String name, @NotEmpty Map<MappedField, @NotBlank @Size(max = 200) String> columns) {
}
