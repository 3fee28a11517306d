package org.cartevidence.evidence;

/** Real answers over the reference data, as the contract shows them. */
final class Examples {

    /** measure=REMISSION&disease=SLE&disease=LUPUS_NEPHRITIS&yearTo=2024 */
    static final String POOLED_JSON = """
            {
              "measure": "REMISSION",
              "groupBy": "none",
              "model": "random",
              "tau2Estimator": "REML",
              "transform": "logit",
              "ci": "hartung-knapp",
              "level": 0.95,
              "cohortCi": "wilson",
              "includeSuperseded": false,
              "groups": [
                {
                  "group": "all",
                  "k": 3,
                  "events": 21,
                  "total": 22,
                  "estimate": 0.9075566245081768,
                  "ciLower": 0.5895207909317809,
                  "ciUpper": 0.9853178905448639,
                  "piLower": 0.5895207909317809,
                  "piUpper": 0.9853178905448639,
                  "tau2": 0.0,
                  "i2": 0.0,
                  "h2": 1.0,
                  "q": 0.7066264537793207,
                  "qPValue": 0.7023571617699206,
                  "cohorts": [
                    {
                      "cohortId": 1,
                      "studyId": 1,
                      "studyKey": "bcma-cd19-ccar-2024-ann-rheum-dis",
                      "studyTitle": "BCMA-CD19 compound CAR T cells for systemic lupus erythematosus: a phase 1 open-label clinical trial",
                      "label": "Lupus nephritis",
                      "disease": "LUPUS_NEPHRITIS",
                      "outcomeId": 2,
                      "events": 12,
                      "total": 13,
                      "proportion": 0.9230769230769231,
                      "ciLower": 0.6668604907890041,
                      "ciUpper": 0.9862895787574434,
                      "weight": 52.14242607121304
                    },
                    {
                      "cohortId": 9,
                      "studyId": 10,
                      "studyKey": "krickau-2024-lancet",
                      "studyTitle": "CAR T-cell therapy rescues adolescent with rapidly progressive lupus nephritis from haemodialysis",
                      "label": "Lupus nephritis (paediatric)",
                      "disease": "LUPUS_NEPHRITIS",
                      "outcomeId": 13,
                      "events": 1,
                      "total": 1,
                      "proportion": 1.0,
                      "ciLower": 0.20654931437723745,
                      "ciUpper": 1.0,
                      "weight": 21.1828605914303
                    },
                    {
                      "cohortId": 12,
                      "studyId": 14,
                      "studyKey": "mueller-2024-nejm",
                      "studyTitle": "CD19 CAR T-cell therapy in autoimmune disease - a case series with follow-up",
                      "label": "SLE",
                      "disease": "SLE",
                      "outcomeId": 20,
                      "events": 8,
                      "total": 8,
                      "proportion": 1.0,
                      "ciLower": 0.6755924351161198,
                      "ciUpper": 1.0,
                      "weight": 26.674713337356668
                    }
                  ]
                }
              ]
            }""";

    /** measure=REMISSION&disease=SLE&disease=LUPUS_NEPHRITIS&groupBy=cellSource&format=csv */
    static final String POOLED_CSV = """
            measure,groupBy,group,k,events,total,estimate,ciLower,ciUpper,piLower,piUpper,tau2,i2,h2,q,qPValue,model,tau2Estimator,transform,ci,level
            REMISSION,cellSource,ALLOGENEIC,3,9,12,0.7139303930349113,0.018690121626106726,0.9969513216468066,7.735084104754759E-4,0.9998757264161816,2.241138674070512,54.295019119407094,2.1879453414772496,4.426287492761551,0.10935631902465541,random,REML,logit,hartung-knapp,0.95
            REMISSION,cellSource,AUTOLOGOUS,6,37,42,0.8355310350835601,0.7175503108901949,0.9103853030915271,0.7175503108901949,0.9103853030915271,0.0,0.0,1.0,1.9242781195449379,0.8595202874040392,random,REML,logit,hartung-knapp,0.95""";

    /** forest.svg?measure=REMISSION&disease=ULCERATIVE_COLITIS: one cohort, so that the example stays short. */
    static final String FOREST_SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="1100" height="228" viewBox="0 0 1100 228" role="img">
            <title>Remission: pooled proportion</title>
            <style>""" + ForestPlot.CSS + """
            </style>
            <rect width="1100" height="228" fill="#fff"/>
            <text class="title" x="16" y="30">Remission: pooled proportion</text>
            <g class="head">
            <text x="16" y="58">Study</text>
            <text x="284" y="58">Cohort</text>
            <text class="end" x="540" y="58">Events/N</text>
            <text x="892" y="58">Proportion [95 % CI]</text>
            <text class="end" x="1084" y="58">Weight</text>
            </g>
            <line class="rule" x1="16" y1="66" x2="1084" y2="66"/>
            <line class="grid" x1="570" y1="76" x2="570" y2="172"/>
            <line class="grid" x1="645" y1="76" x2="645" y2="172"/>
            <line class="grid" x1="720" y1="76" x2="720" y2="172"/>
            <line class="grid" x1="795" y1="76" x2="795" y2="172"/>
            <line class="grid" x1="870" y1="76" x2="870" y2="172"/>
            <g class="cohort" data-cohort-id="14">
            <title>CD19 CAR T-cell therapy in multidrug-resistant ulcerative colitis (mueller-2025-nejm-uc), Ulcerative colitis</title>
            <text x="16" y="91">Mueller 2025</text>
            <text x="284" y="91">Ulcerative colitis</text>
            <text class="end" x="540" y="91">1/1</text>
            <line class="ci" x1="632" y1="87" x2="870" y2="87"/>
            <rect class="square" x="863" y="80" width="14" height="14"/>
            <text x="892" y="91">1.00 [0.21, 1.00]</text>
            <text class="end" x="1084" y="91">100.0 %</text>
            </g>
            <g class="pooled">
            <text x="16" y="113">Pooled estimate (k = 1)</text>
            <text class="end" x="540" y="113">1/1</text>
            <line class="pi" x1="602.7" y1="109" x2="866" y2="109"/>
            <line class="pi" x1="602.7" y1="104" x2="602.7" y2="114"/>
            <line class="pi" x1="866" y1="104" x2="866" y2="114"/>
            <polygon class="diamond" points="602.7,109 795,102 866,109 795,116"/>
            <text x="892" y="113">0.75 [0.11, 0.99]</text>
            <text class="end" x="1084" y="113">100 %</text>
            </g>
            <text class="note" x="16" y="135">Prediction interval</text>
            <text class="note" x="892" y="135">[0.11, 0.99]</text>
            <text class="caption" x="16" y="157">Remission. Random effects, REML, logit transform, Hartung-Knapp CI; k = 1, I² = 0.0 %, τ² = 0.000, Q = 0.00 (p = 1.000)</text>
            <g class="x-axis">
            <line class="axis" x1="570" y1="172" x2="870" y2="172"/>
            <line class="axis" x1="570" y1="172" x2="570" y2="177"/>
            <text class="middle" x="570" y="191">0</text>
            <line class="axis" x1="645" y1="172" x2="645" y2="177"/>
            <text class="middle" x="645" y="191">0.25</text>
            <line class="axis" x1="720" y1="172" x2="720" y2="177"/>
            <text class="middle" x="720" y="191">0.5</text>
            <line class="axis" x1="795" y1="172" x2="795" y2="177"/>
            <text class="middle" x="795" y="191">0.75</text>
            <line class="axis" x1="870" y1="172" x2="870" y2="177"/>
            <text class="middle" x="870" y="191">1</text>
            <text class="middle" x="720" y="212">Remission (proportion of patients)</text>
            </g>
            </svg>""";

    private Examples() {
    }
}
