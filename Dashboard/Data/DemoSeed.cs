using Dashboard.Auth;
using Dashboard.Domain;
using Dashboard.Domain.Finance;
using Dashboard.Domain.Meetings;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>
/// The councils' own data from the Shared Services Board progress report of 9 December 2010 and the minutes of the
/// Performance Management Board (agenda of 17 January 2011). Every seeded figure, score, status and text carries its
/// provenance (<see cref="Provenance"/>): the paper's reference where it is printed, "illustrative" where it is made up
/// for the demo. People's names are invented; their job titles are the report's.
/// </summary>
public static partial class DemoSeed
{
    public const string AdministratorPassword = "Admin-demo-2010";
    public const string BoardMemberPassword = "Board-demo-2010";
    public const string ManagerPassword = "Manager-demo-2010";
    public const string ReportOwnerPassword = "Owner-demo-2010";

    public const string Domain = "bromsgroveandredditch.example";

    private static readonly DateTimeOffset ReportReviewed = new(2010, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BusinessCaseAssessed = new(2010, 6, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Seeds everything in one transaction, so a failure leaves the database empty.</summary>
    public static async Task SeedAsync(DashboardDbContext db, UserManager<ApplicationUser> users, ScoreBandSet bands, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Actor = Dashboard.Domain.Audit.AuditActor.DemoSeed;

        var bdc = new Council { Code = "BDC", Name = "Bromsgrove District Council" };
        var rbc = new Council { Code = "RBC", Name = "Redditch Borough Council" };
        db.Councils.AddRange(bdc, rbc);

        var people = SeedPeople(db, bdc, rbc);
        await db.SaveChangesAsync(cancellationToken);

        var services = SeedServices(db, people, bdc, rbc);
        await db.SaveChangesAsync(cancellationToken);

        SeedStatusCards(db, services);
        SeedBenefits(db, services);
        SeedRisks(db, services, people, bands);
        SeedPerformanceIndicators(db, services, people, bdc, rbc);
        SeedKeyStandards(db, services, bdc, rbc);
        SeedSavings(db, bdc, rbc, people);
        SeedMeetings(db);
        await db.SaveChangesAsync(cancellationToken);

        await SeedAccountsAsync(users, people);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Dictionary<string, Person> SeedPeople(DashboardDbContext db, Council bdc, Council rbc)
    {
        Person P(string name, string title, Council? council = null, Person? director = null) => new()
        {
            Name = name,
            JobTitle = title,
            Email = $"{name.ToLowerInvariant().Replace("cllr ", "cllr.", StringComparison.Ordinal).Replace(' ', '.')}@{Domain}",
            Council = council,
            Director = director,
        };

        var chiefExecutive = P("Kim Adams", "Chief Executive, Bromsgrove District and Redditch Borough Councils");
        var director = P("Sam Reid", "Director of Policy, Performance and Partnerships", director: chiefExecutive);
        var list = new[]
        {
            chiefExecutive,
            director,
            P("Priya Shah", "Policy and Performance Manager", director: director),
            P("Dana Hughes", "Performance Officer", bdc, director),
            P("Cllr Jordan Ellis", "Member, Shared Services Board", bdc),
            P("Cllr Morgan Price", "Member, Shared Services Board", rbc),
            P("Jamie Fox", "Community Safety Manager", director: director),
            P("Chris Patel", "Elections Manager", director: director),
            P("Alex Morgan", "Head of ICT", director: director),
            P("Lee Carter", "CCTV and Lifeline Manager", director: director),
            P("Rosa Grant", "Payroll Manager", rbc, director),
            P("Tom Baker", "Procurement Manager", director: director),
            P("Nina Walsh", "Climate Change Manager", director: director),
            P("Ruth Lane", "Shared Service Internal Audit Manager", director: director),
            P("Dev Singh", "Property Services Client Officer", director: director),
            P("Helen Cole", "Head of Revenues and Benefits", director: director),
            P("Mark Quinn", "Economic Development Manager", director: director),
            P("Gail Porter", "HR and OD Manager", rbc, director),
            P("Ian Brooks", "Partnerships and Projects Manager", bdc, director),
            P("Sue Marsh", "Head of Environmental Services", director: director),
        };
        db.People.AddRange(list);
        return list.ToDictionary(p => p.Name);
    }

    private static Dictionary<string, SharedService> SeedServices(DashboardDbContext db, Dictionary<string, Person> people, Council bdc, Council rbc)
    {
        var wettLive = new DateOnly(2010, 6, 1);
        SharedService Live(string name, string owner, string description, ServiceArrangement arrangement = ServiceArrangement.BetweenTheCouncils, Council? host = null, DateOnly? goLive = null) => new()
        {
            Name = name,
            Description = description,
            Phase = ServicePhase.Live,
            Arrangement = arrangement,
            HostCouncil = host,
            Owner = people[owner],
            GoLiveDate = goLive,
        };
        SharedService Received(SharedService service, string provider)
        {
            service.ProviderName = provider;
            return service;
        }

        SharedService Project(string name, string owner, string description, DateOnly start, DateOnly? goLive = null, ServiceArrangement arrangement = ServiceArrangement.BetweenTheCouncils) => new()
        {
            Name = name,
            Description = description,
            Phase = ServicePhase.ProjectUnderway,
            Arrangement = arrangement,
            Owner = people[owner],
            ProjectStartDate = start,
            GoLiveDate = goLive,
        };

        var list = new[]
        {
            Live("Community Safety", "Jamie Fox", "Shared community safety team; gives resilience rather than cash savings."),
            Live("Elections", "Chris Patel", "Shared elections and electoral registration service; one of the programme's quick wins."),
            Live("ICT", "Alex Morgan", "Shared ICT support, systems and network across both councils."),
            Live("CCTV & Lifeline", "Lee Carter", "CCTV monitoring and Lifeline alarm service for both councils."),
            Live("Payroll", "Rosa Grant", "Payroll service hosted by Redditch.", host: rbc),
            Live("Procurement", "Tom Baker", "Shared procurement support, part of a Worcestershire-wide collaborative arrangement."),
            Live("Climate Change", "Nina Walsh", "Shared climate change function delivering the Joint Climate Change Strategy."),
            Received(Live("Internal Audit", "Ruth Lane", "Internal audit provided by Worcester City Council under the WETT programme.", ServiceArrangement.WettReceived, goLive: wettLive), "Worcester City Council"),
            Received(Live("Property Services", "Dev Singh", "Property services provided by Worcestershire County Council under the WETT programme.", ServiceArrangement.WettReceived, goLive: wettLive), "Worcestershire County Council"),
            Project("Revenues & Benefits transformation", "Helen Cole", "First transformation project, using the systems thinking approach.", new DateOnly(2010, 11, 1)),
            Project("North Worcestershire Economic Development", "Mark Quinn", "Shared economic development and regeneration service across North Worcestershire.", new DateOnly(2010, 4, 1), new DateOnly(2011, 6, 1), ServiceArrangement.WiderPartnership),
            Project("Policy & Performance", "Priya Shah", "Business case for a shared policy and performance team.", new DateOnly(2010, 9, 1)),
            Project("HR & OD", "Gail Porter", "Business case for a shared human resources and organisational development service.", new DateOnly(2010, 9, 1)),
            Project("Emergency Planning / Business Continuity", "Ian Brooks", "Joint emergency plan, rest centre plan and business continuity arrangements.", new DateOnly(2010, 7, 1)),
            Project("Environmental Services", "Sue Marsh", "Service review (progress report §5.3, \"Other service reviews\"): shared Waste & Street Scene, Bereavement and Tree services.", new DateOnly(2010, 5, 1)),
        };
        // The report's own order within each table.
        foreach (var (index, service) in list.Index())
        {
            service.Order = index + 1;
        }

        db.SharedServices.AddRange(list);
        return list.ToDictionary(s => s.Name);
    }

    private static void SeedStatusCards(DashboardDbContext db, Dictionary<string, SharedService> services)
    {
        // (service, month, RAG, commentary, reason, where the commentary is printed). The report's status table is
        // blank (§15 proposes it), so every RAG is illustrative; December's commentary is the report's, shortened, and
        // earlier months are illustrative. Payroll and Procurement have not yet written December's, so the demo shows
        // overdue cards.
        var cards = new (string Service, int Month, Rag Rag, string Commentary, string? Reason, string? PrintedIn)[]
        {
            ("Community Safety", 10, Rag.Green, "Shared team working well across both districts; no cash savings expected, resilience improved.", null, null),
            ("Community Safety", 11, Rag.Green, "Service delivering to plan for both councils.", null, null),
            ("Community Safety", 12, Rag.Amber, "Overspend within this area noted by the Performance Management Board at Quarter 2; clarification being sought.", "Quarter 2 overspend on a shared service.", "Minute 40/10"),
            ("Elections", 10, Rag.Green, "Elections Manager meeting regularly with both Returning Officers.", null, null),
            ("Elections", 11, Rag.Green, "'Would be Councillor' briefings held in both authorities in November.", null, "Progress report §3.2.1"),
            ("Elections", 12, Rag.Green, "Electoral Commission examination found registration practices working well and an improvement on previous performance indicators.", null, "Progress report §3.2.1"),
            ("ICT", 10, Rag.Amber, "Air conditioning failure caused loss of data at RBC; recovery under way.", "Data loss after air conditioning failure.", null),
            ("ICT", 11, Rag.Amber, "Majority of lost data recovered; new backup system purchased for RBC.", "Backup system not yet installed.", null),
            ("ICT", 12, Rag.Green, "New Service Desk live at RBC; virtualisation on track for end of December; single email domain by end of 2010.", null, "Progress report §3.2.2"),
            ("CCTV & Lifeline", 10, Rag.Green, "Services delivered for both authorities; Lifeline administration procedures under review.", null, null),
            ("CCTV & Lifeline", 11, Rag.Green, "Bromsgrove installation office closed; officers in temporary office pending relocation.", null, null),
            ("CCTV & Lifeline", 12, Rag.Green, "Telecare Services Association accreditation postponed until January 2011; installation procedures being harmonised.", null, "Progress report §3.2.3"),
            ("Payroll", 10, Rag.Green, "Payroll running for both councils without issue.", null, null),
            ("Payroll", 11, Rag.Green, "Wyre Forest DC approved transfer of its payroll to Redditch from April 2011 (£46k pa, net £24k).", null, "Progress report §3.2.4"),
            ("Procurement", 10, Rag.Green, "Procurement support shared across both councils.", null, null),
            ("Procurement", 11, Rag.Green, "Collaborative arrangement agreed by all Worcestershire district Chief Executives.", null, "Progress report §3.2.5"),
            ("Climate Change", 10, Rag.Green, "Progressing in accordance with the agreed work programme.", null, null),
            ("Climate Change", 11, Rag.Green, "Joint Climate Change Strategy approved by RBC Executive and BDC Cabinet.", null, null),
            ("Climate Change", 12, Rag.Green, "Further SALIX funding obtained; budget bids made for solar panels under the feed-in tariff.", null, "Progress report §3.2.6"),
            ("Internal Audit", 10, Rag.Green, "Staff transferred to Worcester City Council on 1 June 2010.", null, null),
            ("Internal Audit", 11, Rag.Green, "New Shared Service Internal Audit Manager in post and attending both councils' audit boards.", null, null),
            ("Internal Audit", 12, Rag.Green, "Service Level Agreement finalised; staff consultation on restructure from early December.", null, "Progress report §6.2"),
            ("Property Services", 10, Rag.Green, "Staff transferred to the County Council on 1 June 2010.", null, null),
            ("Property Services", 11, Rag.Amber, "County Council has proposed a full restructure of the service; concerns raised about the impact of staff reductions.", "Concerns about the proposed restructure.", null),
            ("Property Services", 12, Rag.Amber, "Service Level Agreement not yet agreed, and will not be until the issues raised, particularly for Redditch, are resolved; County officers have given assurance that the service will be enhanced.", "Service Level Agreement not yet agreed.", "Progress report §6.3"),
            ("Revenues & Benefits transformation", 11, Rag.Green, "Three-day systems thinking scoping exercise carried out at BDC.", null, null),
            ("Revenues & Benefits transformation", 12, Rag.Green, "Further three days of scoping at RBC in early December; teams from both councils involved.", null, "Progress report §4.4"),
            ("North Worcestershire Economic Development", 10, Rag.Green, "Steering Group drafting the Implementation Plan.", null, null),
            ("North Worcestershire Economic Development", 11, Rag.Green, "Appointment & Assimilation Protocol and Vacancy Management Policy drawn up.", null, null),
            ("North Worcestershire Economic Development", 12, Rag.Green, "Implementation Plan nearing completion for go-live on 1 June 2011.", null, "Progress report §5.1"),
            ("Policy & Performance", 11, Rag.Green, "Business case in preparation.", null, null),
            ("Policy & Performance", 12, Rag.Green, "Business case on the Shared Services Board agenda for 9 December; savings in 2011/12.", null, "Progress report §7.4"),
            ("HR & OD", 11, Rag.Green, "Business case in preparation.", null, null),
            ("HR & OD", 12, Rag.Green, "Business case on the Shared Services Board agenda for 9 December; savings in 2011/12.", null, "Progress report §7.4"),
            ("Emergency Planning / Business Continuity", 10, Rag.Green, "Existing emergency planning documents of both councils being reviewed.", null, null),
            ("Emergency Planning / Business Continuity", 11, Rag.Amber, "Officer time split (12% BDC, 8% RBC) not yet reflected in the councils' budgets.", "Budgets do not yet reflect the shared officer's time.", null),
            ("Emergency Planning / Business Continuity", 12, Rag.Amber, "Joint Emergency Plan and Joint Rest Centre Plan due to go to CMT for approval; discussions held with consultants about reviewing both councils' Business Continuity Plans against BS25999.", "Budgets do not yet reflect the shared officer's time.", "Progress report §5.2"),
            ("Environmental Services", 10, Rag.Green, "Staff consultation on the interim structure under way.", null, null),
            ("Environmental Services", 11, Rag.Green, "Interim staffing structure in place from 15 November 2010.", null, null),
            ("Environmental Services", 12, Rag.Green, "Interim structure in place with two posts still to fill (Tree Officer and Senior Street Cleansing Operative BDC); further review of the Redditch Transport section may need staff consultation.", null, "Progress report §5.3"),
        };

        foreach (var card in cards)
        {
            var service = services[card.Service];
            var period = new DateOnly(2010, card.Month, 1);
            db.StatusUpdates.Add(new StatusUpdate
            {
                SharedService = service,
                Period = period,
                Rag = card.Rag,
                Commentary = card.Commentary,
                ReasonForChange = card.Reason,
                UpdatedBy = service.Owner,
                UpdatedAt = new DateTimeOffset(period.AddDays(card.Month == 12 ? 6 : 25).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero),
                Source = card.PrintedIn is { } printed ? $"{printed}; status illustrative" : Provenance.Illustrative,
            });
        }
    }

    private static void SeedBenefits(DashboardDbContext db, Dictionary<string, SharedService> services)
    {
        var updated = new DateTimeOffset(2010, 12, 6, 9, 0, 0, TimeSpan.Zero);
        void Add(string service, BenefitKind kind, int order, string expected, string? actual, string? commentary, string source) =>
            db.BenefitEntries.Add(new BenefitEntry
            {
                SharedService = services[service],
                Kind = kind,
                Order = order,
                Expected = expected,
                ActualToDate = actual,
                Commentary = commentary,
                UpdatedAt = updated,
                Source = source,
            });

        Add("ICT", BenefitKind.BusinessCase, 1, "Savings from joint CCTV, Lifeline and ICT arrangements of £120k from 2010/11.", "On course for 2010/11.", null, "Shared services report to the Performance Management Board §4.1; actual illustrative");
        Add("ICT", BenefitKind.BusinessCase, 2, "Single email service and domain for both councils.", "bromsgroveandredditch.gov.uk to be live at both councils by the end of 2010.", "Members' addresses will not change.", "Progress report §3.2.2");
        Add("ICT", BenefitKind.Other, 1, "Shared disaster recovery: data migration and recovery configured alongside server virtualisation.", null, null, "Progress report §3.2.2");
        Add("ICT", BenefitKind.OverallSummary, 1, "The service recovered well from the air conditioning failure; the new backup system removes the risk of a repeat loss.", null, null, Provenance.Illustrative);
        Add("Elections", BenefitKind.BusinessCase, 1, "Increased resilience and improvement across both councils (no cash savings expected).", "Electoral Commission examination found registration practices working well.", "Improvement on previously recorded performance indicators.", "Progress report §7.3, §3.2.1");
        Add("Elections", BenefitKind.Other, 1, "Initiatives to improve democratic participation, e.g. 'Would be Councillor' briefings.", null, null, "Progress report §3.2.1");
        Add("Community Safety", BenefitKind.BusinessCase, 1, "Increased resilience and improvement across both councils (no cash savings expected).", "Resilience achieved.", "Quarter 2 overspend being clarified.", "Progress report §7.3; Minute 40/10");
        Add("Payroll", BenefitKind.BusinessCase, 1, "A single payroll service for both councils.", "Delivered.", null, Provenance.Illustrative);
        Add("Payroll", BenefitKind.Other, 1, "Income from providing Wyre Forest DC's payroll from April 2011: £46k pa (net £24k after funding an additional post).", null, "Not in the original business case.", "Progress report §3.2.4");
        Add("Climate Change", BenefitKind.BusinessCase, 1, "A joint strategy to reduce both councils' CO2 emissions.", "Joint Climate Change Strategy approved by both councils.", "About 80% of emissions come from buildings, the strategy's primary focus.", "Progress report §3.2.6");
    }

    private static void SeedRisks(DashboardDbContext db, Dictionary<string, SharedService> services, Dictionary<string, Person> people, ScoreBandSet bands)
    {
        var chiefExecutive = people["Kim Adams"];
        var reportDay = DateOnly.FromDateTime(ReportReviewed.UtcDateTime);
        // The register's owner and appetite are illustrative; its risks are Appendix A's, whose owners, targets and review
        // dates are not printed. The report says which scores "have been reduced" or "increased" but not from what, so
        // those earlier scores are illustrative too.
        // Kept by the policy and performance manager, who can sign in; its risks are the chief executive's, as the report is.
        var programme = new RiskRegister { Name = "Shared Services Programme", Kind = RiskRegisterKind.Programme, Owner = people["Priya Shah"], RiskAppetite = 6, Source = Provenance.Illustrative };
        db.RiskRegisters.Add(programme);

        var targets = new Dictionary<string, (Likelihood, Impact)>
        {
            ["2"] = (Likelihood.Low, Impact.Critical),
            ["8"] = (Likelihood.Medium, Impact.Major),
            ["10"] = (Likelihood.Medium, Impact.Major),
        };

        foreach (var (reference, title, l, i, mitigation, earlier) in ProgrammeRisks)
        {
            var risk = new Risk
            {
                Ref = reference,
                Title = title,
                Mitigation = mitigation,
                Owner = chiefExecutive,
                RaisedOn = DateOnly.FromDateTime(BusinessCaseAssessed.UtcDateTime),
                NextReviewDate = reportDay.AddDays(bands.BandOf(l * i).ReviewEveryDays),
                Source = "Appendix A; owner, target and dates illustrative",
            };
            if (targets.TryGetValue(reference, out var target))
            {
                (risk.TargetLikelihood, risk.TargetImpact) = target;
            }

            if (earlier is { } first)
            {
                risk.Assessments.Add(Assessment(first.L, first.I, BusinessCaseAssessed, chiefExecutive, "Assessed for the shared services business case.", Provenance.Illustrative));
                risk.Assessments.Add(Assessment(l, i, ReportReviewed, chiefExecutive, mitigation, "Appendix A; date illustrative"));
            }
            else
            {
                risk.Assessments.Add(Assessment(l, i, BusinessCaseAssessed, chiefExecutive, "Assessed for the shared services business case.", "Appendix A; date illustrative"));
            }

            programme.Risks.Add(risk);
        }

        var ict = services["ICT"];
        var ictRegister = new RiskRegister { Name = "ICT", Kind = RiskRegisterKind.Service, SharedService = ict, Owner = ict.Owner, RiskAppetite = 6, Source = Provenance.Illustrative };
        var dataLoss = ServiceRisk("ICT-1", "Loss of data through failure of the server room environment", ict.Owner!, (3, 4), (2, 4),
            "New backup system purchased and being installed at RBC. Disaster recovery configuration and testing continuing with the virtualisation of servers.", "Progress report §3.2.2", bands);
        ictRegister.Risks.Add(dataLoss);
        var emailDomain = ServiceRisk("ICT-2", "Single email domain not in place at both councils by the end of 2010", ict.Owner!, (2, 2), null,
            "bromsgroveandredditch.gov.uk being implemented at both councils; Members' addresses unaffected.", "Progress report §3.2.2", bands);
        // To be reviewed when the domain is due (illustrative), so the ICT manager owes a risk review in the demo.
        emailDomain.NextReviewDate = new DateOnly(2010, 12, 31);
        ictRegister.Risks.Add(emailDomain);
        ictRegister.Issues.Add(new RiskIssue
        {
            Ref = "ICT-I1",
            Description = "Data lost after the air conditioning failure at RBC.",
            Owner = ict.Owner,
            Priority = IssuePriority.High,
            RaisedOn = new DateOnly(2010, 10, 4),
            Status = IssueStatus.InProgress,
            Action = "Recover data from backups and give affected staff access; buy and install a new backup system.",
            Resolution = "Majority of data recovered and access restored.",
            RaisedFromRisk = dataLoss,
            Source = "Progress report §3.2.2; priority and dates illustrative",
        });
        db.RiskRegisters.Add(ictRegister);

        var property = services["Property Services"];
        var propertyRegister = new RiskRegister { Name = "Property Services", Kind = RiskRegisterKind.Service, SharedService = property, Owner = property.Owner, RiskAppetite = 4, Source = Provenance.Illustrative };
        propertyRegister.Risks.Add(ServiceRisk("PS-1", "Service Level Agreement with Worcestershire County Council not agreed", property.Owner!, (2, 3), (3, 3),
            "The SLA will not be agreed without full resolution of the issues; if it is not delivered to the Councils' satisfaction, the future management of the service will be discussed.", "Progress report §6.3", bands));
        propertyRegister.Risks.Add(ServiceRisk("PS-2", "Severance costs from the County Council's restructure fall to the Councils", property.Owner!, (2, 3), null,
            "Costs to be clarified with County officers before the restructure proceeds.", "Progress report §6.3", bands));
        db.RiskRegisters.Add(propertyRegister);

        programme.Issues.Add(new RiskIssue
        {
            Ref = "I-1",
            Description = "Programme Manager and Project Manager posts for the Transformation Team not filled after external advertising.",
            Owner = chiefExecutive,
            Priority = IssuePriority.High,
            RaisedOn = new DateOnly(2010, 10, 29),
            Status = IssueStatus.InProgress,
            Action = "Programme Manager post re-advertised internally as a secondment; interviews in December. Support sought from IEWM.",
            RaisedFromRisk = programme.Risks.Single(r => r.Ref == "2"),
            Source = "Progress report §4.2; priority and dates illustrative",
        });
    }

    /// <summary>A service register's risk: its subject is in the report (<paramref name="printedIn"/>); its scores and dates are illustrative.</summary>
    private static Risk ServiceRisk(string reference, string title, Person owner, (int L, int I) first, (int L, int I)? now, string mitigation, string printedIn, ScoreBandSet bands)
    {
        var current = now ?? first;
        var risk = new Risk
        {
            Ref = reference,
            Title = title,
            Mitigation = mitigation,
            Owner = owner,
            RaisedOn = new DateOnly(2010, 9, 1),
            NextReviewDate = DateOnly.FromDateTime(ReportReviewed.UtcDateTime).AddDays(bands.BandOf(current.L * current.I).ReviewEveryDays),
            Source = $"{printedIn}; scores, owner and dates illustrative",
        };
        risk.Assessments.Add(Assessment(first.L, first.I, new DateTimeOffset(2010, 9, 1, 10, 0, 0, TimeSpan.Zero), owner, "Raised when the service's register was set up.", Provenance.Illustrative));
        if (now is not null)
        {
            risk.Assessments.Add(Assessment(now.Value.L, now.Value.I, ReportReviewed, owner, mitigation, Provenance.Illustrative));
        }

        return risk;
    }

    private static RiskAssessment Assessment(int l, int i, DateTimeOffset at, Person by, string reason, string source) => new()
    {
        Likelihood = RiskScale.ToLikelihood(l),
        Impact = RiskScale.ToImpact(i),
        AssessedAt = at,
        AssessedBy = by,
        Reason = reason,
        Source = source,
    };

    private static void SeedSavings(DashboardDbContext db, Council bdc, Council rbc, Dictionary<string, Person> people)
    {
        // Exactly what section 7 of the progress report prints. §7.2's estimate is the year's target and, as "current
        // estimations assume that this will be achieved", its forecast; no delivered-to-date figure is printed, so none
        // is seeded. §7.1's single management team saving is not split between the councils, so it is one line with
        // no council, beside the councils' totals rather than in them (the report does not say whether §7.2 includes it).
        const string Estimate = "Progress report §7.2";
        const string ManagementTeam = "Progress report §7.1";
        const string EstimateCommentary = "Estimated for 2010/11 from shared services and joint working; current estimations assume that this will be achieved. Reported to the Board quarterly (next update February 2011).";
        db.SavingsLines.AddRange(
            new SavingsLine
            {
                Council = bdc, FinancialYear = 2010, Description = "Shared services and joint working", Owner = people["Dana Hughes"],
                Target = 450_000m, Forecast = 450_000m, Commentary = EstimateCommentary, Source = Estimate,
            },
            new SavingsLine
            {
                Council = rbc, FinancialYear = 2010, Description = "Shared services and joint working", Owner = people["Priya Shah"],
                Target = 514_000m, Forecast = 514_000m, Commentary = EstimateCommentary, Source = Estimate,
            },
            new SavingsLine
            {
                FinancialYear = 2010, Description = "Single management team", Owner = people["Kim Adams"],
                Target = 330_000m, Forecast = 330_000m, Source = ManagementTeam,
                Commentary = "The ongoing saving delivered through the single management team: £330k in 2010/11, rising to £450k in 2011/12. The report does not split it between the councils.",
            },
            new SavingsLine
            {
                FinancialYear = 2011, Description = "Single management team", Owner = people["Kim Adams"],
                Target = 450_000m, Forecast = 450_000m, Source = ManagementTeam,
                Commentary = "Rising from £330k in 2010/11 following the initial support for implementation that will be required in the Councils. The report does not split it between the councils.",
            });
    }

    private static void SeedMeetings(DashboardDbContext db)
    {
        var dates = new[] { (2010, 8, 12), (2010, 10, 14), (2010, 11, 11), (2010, 12, 9), (2011, 1, 13), (2011, 2, 10), (2011, 3, 10) };
        foreach (var (index, (y, m, d)) in dates.Index())
        {
            db.BoardMeetings.Add(new BoardMeeting
            {
                Date = new DateOnly(y, m, d),
                Title = "Shared Services Board",
                Location = index % 2 == 0 ? "The Council House, Burcot Lane, Bromsgrove" : "Town Hall, Redditch",
            });
        }
    }

    private static async Task SeedAccountsAsync(UserManager<ApplicationUser> users, Dictionary<string, Person> people)
    {
        await CreateAccountAsync(users, people["Priya Shah"], AdministratorPassword, Roles.Administrator);
        await CreateAccountAsync(users, people["Cllr Jordan Ellis"], BoardMemberPassword, Roles.BoardMember);
        await CreateAccountAsync(users, people["Cllr Morgan Price"], BoardMemberPassword, Roles.BoardMember);
        await CreateAccountAsync(users, people["Dana Hughes"], ReportOwnerPassword, Roles.ReportOwner);
        foreach (var manager in new[]
                 {
                     "Jamie Fox", "Chris Patel", "Alex Morgan", "Lee Carter", "Rosa Grant", "Tom Baker", "Nina Walsh",
                     "Ruth Lane", "Dev Singh", "Helen Cole", "Mark Quinn", "Gail Porter", "Ian Brooks", "Sue Marsh",
                 })
        {
            await CreateAccountAsync(users, people[manager], ManagerPassword, Roles.ServiceManager, Roles.ReportOwner);
        }
    }

    private static async Task CreateAccountAsync(UserManager<ApplicationUser> users, Person person, string password, params string[] roles)
    {
        var user = new ApplicationUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, PersonId = person.Id, IsDemoAccount = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo account {person.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Could not give {person.Email} its roles: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }
    }
}
