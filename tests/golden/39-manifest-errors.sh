# What the API server and kubectl say about broken manifests (the API layer's fidelity record)
minikube start > /dev/null
cat > tab.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: b
	c: d
EOF
kubectl apply -f tab.yaml
cat > indent.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: c
        image: nginx
       ports:
        - containerPort: 80
EOF
kubectl apply -f indent.yaml
cat > dash.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      -name: c
        image: nginx
EOF
kubectl apply -f dash.yaml
cat > dup.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: dup
data:
  MODE: dev
  MODE: prod
  DEBUG: "yes"
EOF
kubectl apply -f dup.yaml
kubectl get configmap dup -o jsonpath='{.data.MODE} {.data.DEBUG}{"\n"}'
cat > yes.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: flags
data:
  DEBUG: yes
EOF
kubectl apply -f yes.yaml
cat > web.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
        resources:
          requests:
            cpu: "2"
            memory: 64Mi
          limits:
            cpu: "1"
            memory: 128Mi
EOF
kubectl apply -f web.yaml
sed -i 's/cpu: "2"/cpu: 500m/' web.yaml
kubectl apply -f web.yaml
sed -i 's/memory: 64Mi/memory: 64mi/' web.yaml
kubectl apply -f web.yaml
sed -i 's/memory: 64mi/memory: 64Mi/' web.yaml
sed -i 's/replicas: 1/replica: 2/' web.yaml
kubectl apply -f web.yaml
sed -i 's/replica: 2/replicas: 1/' web.yaml
sed -i 's/app: web$/app: web2/' web.yaml
kubectl apply -f web.yaml
cat > multi.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: one
---
apiVersion: apps/v1
kind: Deploymnet
metadata:
  name: typo
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: old
---
apiVersion: v1
kind: Service
metadata:
  name: Bad_Name
spec:
  type: Loadbalancer
  ports:
  - port: 70000
---
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: two
EOF
kubectl apply -f multi.yaml
cat > nokind.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: before
---
apiVersion: v1
metadata:
  name: nokind
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: after
EOF
kubectl apply -f nokind.yaml
kubectl get configmap after
cat > owner.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: orphan
  ownerReferences:
  - apiVersion: apps/v1
    kind: ReplicaSet
    name: rs
spec:
  containers:
  - name: c
    image: nginx
EOF
kubectl apply -f owner.yaml
kubectl apply -f manifests/llmops-k8s.yaml
sed 's/type: LoadBalancer/type: ClusterIP/' manifests/llmops-k8s.yaml > clusterip.yaml
kubectl apply -f clusterip.yaml
kubectl get svc llmops-service
kubectl apply -f manifests/llmops-k8s.yaml --dry-run=client
