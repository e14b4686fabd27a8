namespace Dashboard.Data;

public static partial class DemoSeed
{
    /// <summary>
    /// Appendix A of the progress report of 9 December 2010, word for word: Ref, Risk, L, I, Mitigation.
    /// Earlier L and I are given where the mitigation says the score "has been reduced" or "increased".
    /// </summary>
    internal static readonly (string Ref, string Title, int L, int I, string Mitigation, (int L, int I)? Earlier)[] ProgrammeRisks =
    [
        ("1", "Impact of changes in political leadership", 3, 2,
            "The programme and the proposed governance model have been designed to accommodate changes in political leadership. Regular meetings with Leaders of all Political Groups (at RBC) to ensure that it is clear that the management team serves all members not just controlling group.", null),
        ("2", "Lack of staff capacity to implement the recommendations.", 2, 4,
            "The proposed Transformation Team and the fact that it is embedded within the organisational structure will provide expertise and resource to plan and lead the implementation programme. In addition an increased number of management posts (as against that proposed by Serco) have increased the capacity of the management team to deliver the change required. Furthermore, the financial plan for the first year of shared services includes funding to provide additional legal, financial and Human Resources support during the period of transition. In addition to this the Shared Services / Transformation Programme has been developed to try to ensure that there is the capacity to deliver this.", null),
        ("3", "Loss of key senior staff following recruitment", 1, 3,
            "The new management team have effectively taken up new roles now – this risk has therefore been reduced in terms of level.", (2, 3)),
        ("4", "Lack of buy-in from staff", 2, 2,
            "A regular programme of staff engagement, communication and consultation is underway to ensure staff are fully involved with the process. The new management team are providing support to staff by being located at both Councils during the course of the week to provide visible leadership and support. Staff forums / briefings are regularly held together with drop in sessions for staff with the Chief Executive to ensure staff are aware of whats going on. A joint management conference has been held to improve understanding of transformation.", null),
        ("5", "Lack of support from unions", 2, 3,
            "Ongoing and regular dialogue with Unions throughout the whole process to ensure they are involved in the process. It has felt that this has gone well with regard to the Bromsgrove and Redditch Shared Services agenda but needs to be improved with regard to WETT projects.", null),
        ("6", "Downturn in performance during implementation.", 2, 4,
            "The transformation programme is spread over three years to allow a gradual approach, including up to a year to design the new structure, develop the new business plan and prepare for implementation for each service. This, together with careful monitoring of performance, will reduce this risk. Regular performance monitoring is continuing at the joint Corporate Management Team to identify any concerns early.", null),
        ("7", "Cultural differences between the two Councils", 2, 3,
            "These will be addressed as part of the engagement and communication strategy for the overall programme and as part of the Transformation Programme. This will be supplemented by investment in and commitment to a meaningful organisational development programme that promotes the development of a new culture for the partnership organisation (which is not subordinate to the pre-existing cultural norms). Linking Organisational Development with the Transformation agenda will also help to address this. Top team development days have been held (including systems thinking) with further sessions planned to ensure that the cultural differences are addressed.", null),
        ("8", "Differences in terms and conditions", 3, 3,
            "Work is already underway to identify and address these differences and this will be accelerated to ensure a common set of terms and conditions are in place as soon as possible. See earlier in the report.", null),
        ("9", "Differences in IT systems", 3, 2,
            "While differences in IT systems in some services will reduce the initial scope for savings, this issue will be addressed as part of the implementation planning for individual services and will be removed over time as contracts come up for review. This will be supported by the move to a Shared ICT service.", null),
        ("10", "Potential conflict with WETT work", 3, 3,
            "The potential WETT programme (Phase 2) now conflicts with the Transformation Programme and as such the score has been increased and will thus need to be managed carefully.", (2, 3)),
        ("11", "Meeting member expectations in relation to access and engagement", 2, 2,
            "This score has been reduced as the Single Management Team has been in place for over 6 months and no major concerns have been expressed.", (3, 2)),
        ("12", "Delivering the projected savings and non-financial benefits", 2, 3,
            "The savings in the revised financial model will be achieved – severance costs are lower than budgeted.", null),
        ("13", "Confusion for customers", 2, 2,
            "This score has been reduced as the Single Management Team has been in place for over 6 months and no major concerns have been expressed. This risk will continue to be mitigated by a programme of regular communication, which stresses the benefits of the changes, both financially to the two Councils and in terms of improved delivery of services to customers.", (3, 2)),
        ("14", "Emergence of issues presenting a 'conflict of interest for the CEO / other management team members in relation to policy advice to both Councils during lifetime of longer term partnership (e.g. wicked issues such as future LGR)", 1, 4,
            "The structure proposes a Lead Officer for Redditch and a Lead Officer from Bromsgrove when issues such as this arise. In addition a conflicts resolution policy has been agreed as part of the overarching agreement. This risk has been reduced as the Management Team has been in place 6 months and no such issues have arisen.", (2, 4)),
    ];
}
