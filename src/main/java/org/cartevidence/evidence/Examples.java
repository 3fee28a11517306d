package org.cartevidence.evidence;

/** Real answers over the reference data, as the contract shows them. */
final class Examples {

    /** measure=REMISSION&disease=SLE&disease=LUPUS_NEPHRITIS&yearTo=2024 */
    static final String POOLED_JSON = """
            {
              "measure": "REMISSION",
              "groupBy": "none",
              "method": "glmm",
              "model": "random",
              "tau2Estimator": "ML",
              "transform": "logit",
              "ci": "wald",
              "level": 0.95,
              "cohortCi": "wilson",
              "includeSuperseded": false,
              "groups": [
                {
                  "group": "all",
                  "label": "All cohorts",
                  "method": "glmm",
                  "k": 3,
                  "events": 21,
                  "total": 22,
                  "estimate": 0.9545454546099541,
                  "ciLower": 0.7385479940603366,
                  "ciUpper": 0.9936353403682906,
                  "piLower": 0.7385479940603366,
                  "piUpper": 0.9936353403682906,
                  "mu": 3.0445224392099863,
                  "se": 1.023532625890662,
                  "tau2": 0.0,
                  "i2": 0.0,
                  "h2": 1.0,
                  "q": 0.0,
                  "qPValue": 1.0,
                  "qLrt": 1.085001864294183,
                  "qLrtPValue": 0.5812926594642035,
                  "cohorts": [
                    {
                      "cohortId": 1,
                      "studyId": 1,
                      "studyKey": "bcma-cd19-ccar-2024-ann-rheum-dis",
                      "studyTitle": "BCMA-CD19 compound CAR T cells for systemic lupus erythematosus: a phase 1 open-label clinical trial",
                      "label": "Lupus nephritis",
                      "disease": "LUPUS_NEPHRITIS",
                      "diseaseLabel": "Lupus nephritis",
                      "outcomeId": 2,
                      "events": 12,
                      "total": 13,
                      "proportion": 0.9230769230769231,
                      "ciLower": 0.6668604907890041,
                      "ciUpper": 0.9862895787574434,
                      "weight": 52.14242607121304
                    },
                    {
                      "cohortId": 10,
                      "studyId": 10,
                      "studyKey": "krickau-2024-lancet",
                      "studyTitle": "CAR T-cell therapy rescues adolescent with rapidly progressive lupus nephritis from haemodialysis",
                      "label": "Lupus nephritis (paediatric)",
                      "disease": "LUPUS_NEPHRITIS",
                      "diseaseLabel": "Lupus nephritis",
                      "outcomeId": 16,
                      "events": 1,
                      "total": 1,
                      "proportion": 1.0,
                      "ciLower": 0.20654931437723745,
                      "ciUpper": 1.0,
                      "weight": 21.1828605914303
                    },
                    {
                      "cohortId": 15,
                      "studyId": 14,
                      "studyKey": "mueller-2024-nejm",
                      "studyTitle": "CD19 CAR T-cell therapy in autoimmune disease - a case series with follow-up",
                      "label": "SLE",
                      "disease": "SLE",
                      "diseaseLabel": "Systemic lupus erythematosus",
                      "outcomeId": 30,
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
            measure,groupBy,group,label,method,k,events,total,estimate,ciLower,ciUpper,piLower,piUpper,mu,se,tau2,i2,h2,q,qPValue,qLrt,qLrtPValue,model,tau2Estimator,transform,ci,level,note,subgroupQ,subgroupDf,subgroupDf2,subgroupP,subgroupNote
            REMISSION,cellSource,ALLOGENEIC,Donor cells (allogeneic),glmm,3,9,12,0.9448810309503451,0.04089580005269214,0.9998549232505008,0.002607255605672561,0.9999911046825161,2.8415651036073686,3.0595141059245763,10.745323052489619,85.06504464636942,6.695701301556999,0.0,1.0,8.997362313900933,0.011123657226562505,random,ML,logit,wald,0.95,,0.6716427710054033,1,,0.4124794479965806,
            REMISSION,cellSource,AUTOLOGOUS,Own cells (autologous),glmm,6,37,42,0.8809523810854659,0.7441419486066075,0.9495665513039133,0.7441419486066075,0.9495665513039133,2.001480001479108,0.4764735500361481,0.0,0.0,1.0,1.0196986852316368,0.9609613408476583,4.100265713605275,0.5350724093212732,random,ML,logit,wald,0.95,,0.6716427710054033,1,,0.4124794479965806,""";

    /** forest.svg?measure=REMISSION&disease=ULCERATIVE_COLITIS: one cohort, so that the example stays short. */
    static final String FOREST_SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="1100" height="184" viewBox="0 0 1100 184" role="img">
            <title>Remission: pooled proportion</title>
            <style>""" + ForestPlot.CSS + """
            </style>
            <rect width="1100" height="184" fill="#fff"/>
            <text class="title" x="16" y="30">Remission: pooled proportion</text>
            <g class="head">
            <text x="16" y="58">Study</text>
            <text x="284" y="58">Cohort</text>
            <text class="end" x="540" y="58">Events/N</text>
            <text x="892" y="58">Proportion [95 % CI]</text>
            <text class="end" x="1084" y="58">Weight</text>
            </g>
            <line class="rule" x1="16" y1="66" x2="1084" y2="66"/>
            <line class="grid" x1="570" y1="76" x2="570" y2="128"/>
            <line class="grid" x1="645" y1="76" x2="645" y2="128"/>
            <line class="grid" x1="720" y1="76" x2="720" y2="128"/>
            <line class="grid" x1="795" y1="76" x2="795" y2="128"/>
            <line class="grid" x1="870" y1="76" x2="870" y2="128"/>
            <g class="cohort" data-cohort-id="17">
            <title>CD19 CAR T-cell therapy in multidrug-resistant ulcerative colitis (mueller-2025-nejm-uc), Ulcerative colitis</title>
            <text x="16" y="91">Mueller 2025</text>
            <text x="284" y="91">Ulcerative colitis</text>
            <text class="end" x="540" y="91">1/1</text>
            <line class="ci" x1="632" y1="87" x2="870" y2="87"/>
            <rect class="square" x="863" y="80" width="14" height="14"/>
            <text x="892" y="91">1.00 [0.21, 1.00]</text>
            <text class="end" x="1084" y="91">100.0 %</text>
            </g>
            <text class="caption" x="16" y="113">A single cohort: not pooled.</text>
            <g class="x-axis">
            <line class="axis" x1="570" y1="128" x2="870" y2="128"/>
            <line class="axis" x1="570" y1="128" x2="570" y2="133"/>
            <text class="middle" x="570" y="147">0</text>
            <line class="axis" x1="645" y1="128" x2="645" y2="133"/>
            <text class="middle" x="645" y="147">0.25</text>
            <line class="axis" x1="720" y1="128" x2="720" y2="133"/>
            <text class="middle" x="720" y="147">0.5</text>
            <line class="axis" x1="795" y1="128" x2="795" y2="133"/>
            <text class="middle" x="795" y="147">0.75</text>
            <line class="axis" x1="870" y1="128" x2="870" y2="133"/>
            <text class="middle" x="870" y="147">1</text>
            <text class="middle" x="720" y="168">Remission (proportion of patients)</text>
            </g>
            </svg>""";

    private Examples() {
    }
}
