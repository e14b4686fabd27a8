using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.Import;

/// <summary>Takes the file a person chose in an import page's file input, or says plainly why it could not.</summary>
public static class ImportUpload
{
    /// <param name="chosen">The browser's file.</param>
    /// <param name="whatItHolds">What such a file holds, for the message, e.g. "a register file".</param>
    /// <param name="logger">Where an upload that broke off is recorded for the administrators.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public static async Task<(ImportFile? File, string? Refusal)> ReadAsync(IBrowserFile chosen, string whatItHolds, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (chosen.Size > ImportFile.MaxBytes)
        {
            return (null, $"{chosen.Name} is larger than {ImportFile.MaxBytes / 1024 / 1024} MB; {whatItHolds} is far smaller. Check you chose the right file.");
        }

        try
        {
            using var content = new MemoryStream();
            await using var upload = chosen.OpenReadStream(ImportFile.MaxBytes, cancellationToken);
            await upload.CopyToAsync(content, cancellationToken);
            return (new ImportFile(chosen.Name, content.ToArray()), null);
        }
        catch (IOException e)
        {
            // The browser stopped sending (a dropped connection, a file changed or removed while it was read).
            logger.LogWarning(e, "Upload of {File} ({Bytes} bytes) broke off", chosen.Name, chosen.Size);
            return (null, $"{chosen.Name} could not be uploaded completely. Choose it again; if this keeps happening, save a copy of the file and choose that.");
        }
    }
}
