using CQEN.ProfileGen.Catalogue;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Audit;

/// <summary>
/// The catalogue's contradictions: lifecycle sources that disagree, a licence claimed otherwise
/// than the licence file or badge says, an unmaintained repository left unarchived, a summary in
/// one language only, and catalogue files that cannot be read.
/// </summary>
internal static class CatalogueAudit
{
    public static IEnumerable<AuditFinding> Check(RepoSnapshot repo, RepoCatalogue catalogue, ProfileGenConfig config)
    {
        var words = CatalogueAuditWords.For(config.Culture);
        AuditFinding Finding(AuditRule rule, string message, string? path = null, int? line = null, string? suggestion = null) =>
            rule.On(repo.Name, message, path, line, suggestion,
                path is null ? null : $"{repo.Url}/blob/{repo.DefaultBranch ?? "main"}/{path}{(line is { } l ? $"#L{l}" : "")}");

        if (catalogue.Lifecycle is { } winner)
        {
            foreach (var claim in catalogue.LifecycleClaims.Where(c => !ReferenceEquals(c, winner) && !c.AgreesWith(winner)))
            {
                yield return Finding(AuditRule.CatalogueLifecycleConflict,
                    words.LifecycleConflict(words.Source(claim.Source), OrgAudit.Quote(claim.Written), words.Source(winner.Source), OrgAudit.Quote(winner.Written)),
                    claim.Path, claim.Line, catalogue.LifecycleValue);
            }
        }

        // The licence file binds; other claims are checked against it, or against the badge when there is no file.
        // Badge against file is license-badge-mismatch's, so only custom property and publiccode claims are checked here.
        var reference = catalogue.LicenseClaims.FirstOrDefault(c => c.Source is CatalogueReconciler.LicenseOverrides or CatalogueReconciler.LicenseFile)
            ?? catalogue.LicenseClaims.FirstOrDefault(c => c.Source == CatalogueOptions.ReadmeBadge);
        if (reference is not null)
        {
            foreach (var claim in catalogue.LicenseClaims.Where(c => c.Source is CatalogueOptions.CustomProperty or CatalogueOptions.Publiccode))
            {
                if (!CatalogueReconciler.SameLicense(claim.Written, reference.Written))
                {
                    yield return Finding(AuditRule.CatalogueLicenseConflict,
                        words.LicenseConflict(words.Source(claim.Source), OrgAudit.Quote(claim.Written), words.Source(reference.Source), OrgAudit.Quote(reference.Written)),
                        claim.Path, claim.Line, reference.Written);
                }
            }
        }

        if (catalogue.Publiccode is { MaintenanceType: "none" } publiccode && !repo.Archived)
        {
            yield return Finding(AuditRule.CatalogueMaintenanceNone, words.MaintenanceNone, PubliccodeFile.FileName, publiccode.MaintenanceTypeLine);
        }

        var written = CatalogueReconciler.LanguagesWritten(catalogue);
        if (written.Count == 1)
        {
            var has = written[0];
            var missing = CatalogueReconciler.Languages.First(l => l != has);
            var source = catalogue.Summaries[has]!.Source;
            var key = source == CatalogueOptions.Publiccode
                ? $"description.{missing}.shortDescription ({PubliccodeFile.FileName})"
                : missing == "fr" ? config.Catalogue.Properties.SummaryFr : config.Catalogue.Properties.SummaryEn;
            yield return Finding(AuditRule.CatalogueSummaryOneLanguage,
                words.SummaryOneLanguage(words.Language(has), words.Language(missing), words.Source(source), key),
                source == CatalogueOptions.Publiccode ? PubliccodeFile.FileName : null, catalogue.Publiccode?.DescriptionIn(has)?.Line);
        }

        foreach (var problem in catalogue.Problems)
        {
            yield return Finding(AuditRule.CatalogueFileMalformed, words.FileMalformed(problem), problem.Path, problem.Line);
        }
    }
}
